using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Parley.Server.Options;
using Parley.Voice.Nodes;

namespace Parley.Server.Voice.Records;

/// <summary>This node's id: <c>Parley:NodeId</c>, or the machine name and a hash of the data directory.</summary>
internal sealed class NodeIdentity(IOptions<VoiceNodeOptions> node, IOptions<ParleyOptions> parley) : IVoiceNode
{
    private readonly Lazy<string> _id = new(() => node.Value.NodeId ?? Default(Environment.MachineName, parley.Value.DataDirectory));

    public string Id => _id.Value;

    /// <summary><c>{machine}-{first 8 hex digits of SHA-256(full data directory path)}</c>, at most 64 characters.</summary>
    public static string Default(string machineName, string dataDirectory)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        var machine = new string([.. machineName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')]);
        if (machine.Length == 0)
        {
            machine = "node";
        }

        return $"{machine[..Math.Min(machine.Length, 55)]}-{Convert.ToHexStringLower(hash, 0, 4)}";
    }
}
