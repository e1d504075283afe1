using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Parley.Media.Audio;
using Parley.Server.Options;

namespace Parley.Server.Voice.Audio;

/// <summary>
/// A tenant's audio files under <c>{DataDirectory}/tenants/{tenantId}/</c>: uploaded prompts in <c>prompts/{id}.wav</c>
/// and the replaced music on hold in <c>music-on-hold.wav</c>, all 8 kHz 16-bit mono WAV. Writes go to a temporary
/// file in the same folder and are renamed over the final name, so a reader never sees half a file.
/// </summary>
public sealed class TenantAudioStore(IOptions<ParleyOptions> options)
{
    private readonly string _root = Path.Combine(Path.GetFullPath(options.Value.DataDirectory), "tenants");

    public string TenantDirectory(Guid tenantId) => Path.Combine(_root, tenantId.ToString("D"));

    public string PromptPath(Guid tenantId, Guid promptId) => Path.Combine(TenantDirectory(tenantId), "prompts", promptId.ToString("D") + ".wav");

    public string MusicOnHoldPath(Guid tenantId) => Path.Combine(TenantDirectory(tenantId), "music-on-hold.wav");

    /// <summary>The samples as a WAV file: its bytes, for the size and checksum the metadata keeps.</summary>
    public static byte[] Encode(ReadOnlySpan<short> samples)
    {
        using var buffer = new MemoryStream(44 + (samples.Length * 2));
        using (var writer = new WavWriter(buffer, WavFormat.Pcm8kMono, leaveOpen: true))
        {
            writer.WriteSamples(samples);
        }

        return buffer.ToArray();
    }

    public static string Sha256(ReadOnlySpan<byte> file) => Convert.ToHexStringLower(SHA256.HashData(file));

    /// <summary>Writes <paramref name="wav"/> to <paramref name="path"/> atomically.</summary>
    public static async Task WriteAsync(string path, byte[] wav, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, wav, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The samples of the WAV at <paramref name="path"/>, or null when there is none.</summary>
    public static short[]? TryRead(string path)
    {
        try
        {
            return WavReader.Read(path).ToTelephonyPcm();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes the file if it is there (its folder may not exist yet).</summary>
    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Removes every file of the tenant (its deletion).</summary>
    public void DeleteTenant(Guid tenantId)
    {
        var directory = TenantDirectory(tenantId);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
