using System.Security.Cryptography;

namespace Attendance.Rules.Loading.Canonical;

/// <summary>
/// The SHA-256 of a canonical form, over a framed encoding of the tree (a tag byte per node, each
/// string and count length-prefixed), so no two different trees share an encoding and the layout
/// the YAML renderer chooses plays no part.
/// </summary>
internal static class CanonicalHash
{
    public static byte[] Of(CanonicalNode root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[5];
        Node(hash, root, buffer);
        return hash.GetHashAndReset();
    }

    private static void Node(IncrementalHash hash, CanonicalNode node, Span<byte> buffer)
    {
        switch (node)
        {
            case CanonicalScalar scalar:
                Tag(hash, (byte)'S');
                Text(hash, scalar.Value, buffer);
                break;
            case CanonicalText text:
                Tag(hash, (byte)'T');
                Text(hash, text.Value, buffer);
                break;
            case CanonicalMap map:
                Tag(hash, (byte)'M');
                Count(hash, map.Entries.Count, buffer);
                foreach (var entry in map.Entries)
                {
                    Text(hash, entry.Key, buffer);
                    Node(hash, entry.Value, buffer);
                }

                break;
            case CanonicalList list:
                Tag(hash, (byte)'L');
                Count(hash, list.Items.Count, buffer);
                foreach (var item in list.Items)
                {
                    Node(hash, item, buffer);
                }

                break;
            default:
                throw new ArgumentException($"a canonical node of an unknown kind {node.GetType().Name}", nameof(node));
        }
    }

    private static void Tag(IncrementalHash hash, byte tag) => hash.AppendData([tag]);

    private static void Count(IncrementalHash hash, int count, Span<byte> buffer)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer, count);
        hash.AppendData(buffer[..4]);
    }

    private static void Text(IncrementalHash hash, string text, Span<byte> buffer)
    {
        // UTF-16 code units, little-endian on every machine, so a lone surrogate (which UTF-8
        // cannot carry) still hashes distinctly.
        Count(hash, text.Length, buffer);
        Span<byte> chunk = stackalloc byte[256];
        var filled = 0;
        foreach (var c in text)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(chunk[filled..], c);
            filled += 2;
            if (filled == chunk.Length)
            {
                hash.AppendData(chunk);
                filled = 0;
            }
        }

        hash.AppendData(chunk[..filled]);
    }
}
