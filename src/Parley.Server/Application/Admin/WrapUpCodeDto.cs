namespace Parley.Server.Application.Admin;

/// <summary>One wrap-up code of the tenant and the queues that offer it, by name.</summary>
public sealed record WrapUpCodeDto(string Code, IReadOnlyList<WrapUpCodeQueue> Queues)
{
    /// <summary>The queues' names, for a table cell.</summary>
    public string QueueNames => string.Join(", ", Queues.Select(q => q.Name));
}

/// <summary>A queue that offers a wrap-up code.</summary>
public sealed record WrapUpCodeQueue(Guid Id, string Name);
