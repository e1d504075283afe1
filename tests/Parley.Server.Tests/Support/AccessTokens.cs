namespace Parley.Server.Tests.Support;

/// <summary>Forged variants of a real access token (a JWS).</summary>
public static class AccessTokens
{
    /// <summary>The same token with one character in the middle of its signature changed.</summary>
    public static string WithTamperedSignature(string token)
    {
        var signatureStart = token.LastIndexOf('.') + 1;
        Assert.True(signatureStart > 0 && signatureStart < token.Length, "the access token is not a signed JWT");
        var position = signatureStart + ((token.Length - signatureStart) / 2);
        var replacement = token[position] == 'A' ? 'B' : 'A';
        return string.Concat(token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));
    }
}
