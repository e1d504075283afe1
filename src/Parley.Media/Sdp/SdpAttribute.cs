namespace Parley.Media.Sdp;

/// <summary>One <c>a=</c> line: a property attribute has no value, a value attribute has one.</summary>
public readonly record struct SdpAttribute(string Name, string? Value)
{
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
