using System.ComponentModel.DataAnnotations;
using Parley.Server.Application.InternalChat;

namespace Parley.Server.Api.InternalChat;

/// <summary>Body of sending an internal chat message: plain text.</summary>
public sealed record InternalMessageRequest([property: Required, StringLength(InternalChatService.MaxText, MinimumLength = 1)] string Text);
