namespace Parley.Server.Application.InternalChat;

/// <summary>A colleague to chat with: online while they have a workspace open; <see cref="Unread"/> counts their messages not yet read.</summary>
public sealed record ColleagueView(Guid UserId, string UserName, string DisplayName, bool Online, int Unread);
