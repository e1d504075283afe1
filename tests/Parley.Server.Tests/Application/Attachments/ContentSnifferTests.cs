using System.Text;
using Parley.Server.Application.Attachments;

namespace Parley.Server.Tests.Application.Attachments;

public sealed class ContentSnifferTests
{
    public static TheoryData<byte[], string?> Files => new()
    {
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "image/png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "image/jpeg" },
        { "GIF89a\x01\0"u8.ToArray(), "image/gif" },
        { "RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), "image/webp" },
        { "%PDF-1.7\n"u8.ToArray(), "application/pdf" },
        { "Hello, \u00e9t\u00e9 \u2713\r\n"u8.ToArray(), "text/plain" },
        { "<html><script>alert(1)</script>"u8.ToArray(), "text/plain" },
        { [0x4D, 0x5A, 0x90, 0x00, 0x03], null },
        { [0xC3, 0x28], null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Sniff_NamesTheTypeFromTheBytes(byte[] file, string? expected) =>
        Assert.Equal(expected, ContentSniffer.Sniff(file, complete: true));

    [Fact]
    public void AHeadCutInsideACharacter_IsStillText_ButACompleteFileEndingSoIsNot()
    {
        var text = Encoding.UTF8.GetBytes("caf\u00e9");
        var cut = text[..^1];

        Assert.Equal("text/plain", ContentSniffer.Sniff(cut, complete: false));
        Assert.Null(ContentSniffer.Sniff(cut, complete: true));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\x\\report.pdf", "report.pdf")]
    [InlineData("a\"b\r\n.png", "ab.png")]
    [InlineData("", "attachment")]
    [InlineData("..", "attachment")]
    [InlineData("invoice\u202Efdp.bat", "invoicefdp.bat")] // shown as "invoicetab.pdf", saved as a .bat
    [InlineData("\u2067photo\u2069\u200F.jpg\u200E", "photo.jpg")]
    [InlineData("\u202E", "attachment")]
    public void FileNames_AreCleanedOfFoldersAndControlCharacters(string name, string expected) =>
        Assert.Equal(expected, FileNames.Clean(name));
}
