using Parley.Server.Options.Validation;

namespace Parley.Server.WebChat;

public static class WebChatServiceExtensions
{
    public static IServiceCollection AddParleyWebChat(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebChatOptions, WebChatOptionsValidator>(WebChatOptions.Section);
        services.AddSingleton<ChatSessionTokens>();
        services.AddSingleton<ChatMessageStore>();
        services.AddSingleton<ChatRooms>();
        services.AddSingleton<ChatIpLimits>();
        services.AddSingleton<ChatSocketHost>();
        services.AddSingleton<ChatRoutingEvents>();
        services.AddHostedService<ChatPositionHeartbeat>();
        services.AddOptions<Transcripts.SmtpOptions>().BindConfiguration(Transcripts.SmtpOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Transcripts.SmtpOptions>, Transcripts.SmtpOptionsValidator>();
        services.AddSingleton<Transcripts.TranscriptMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Transcripts.TranscriptMailer>());
        services.AddScoped<Application.Chats.ChatService>();
        services.AddScoped<Application.Chats.ChatTransfers>();
        services.AddScoped<Application.Chats.ChatReading>();
        services.AddSingleton<Application.Chats.ChatLiveUpdates>();
        return services;
    }
}
