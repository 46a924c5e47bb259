using System;
using System.Collections;
using System.Collections.Generic;
using System.Text;

namespace CustomerSuccess.Core.Cli.Input;

/// <summary>
/// The account ids of a portfolio in row order, compactly: UTF-8 bytes in 4 MiB chunks, one packed reference per id and
/// an open-addressing hash index, about 12 bytes plus the id's length per account instead of a string and a hash-set
/// entry each. Ids are compared exactly (ordinal, no trimming).
/// </summary>
internal sealed class AccountIds
{
    /// <summary>The longest id accepted, in UTF-8 bytes.</summary>
    public const int MaxIdBytes = 1 << 16;

    private const int ChunkBits = 22;
    private const int ChunkBytes = 1 << ChunkBits;
    private const int LengthBits = 17;

    private readonly List<byte[]> _chunks = [];
    private readonly HashSet<int> _replaced = [];
    private byte[] _scratch = new byte[256];
    private int _chunkUsed = ChunkBytes;
    private long[] _refs;
    private int[] _buckets;
    private int _count;

    public AccountIds(int capacity = 16)
    {
        _refs = new long[Math.Max(16, capacity)];
        _buckets = new int[BucketsFor(_refs.Length)];
    }

    public int Count => _count;

    /// <summary>Gets the id of an account.</summary>
    public string this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(index));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count, nameof(index));
            return Encoding.UTF8.GetString(Bytes(_refs[index]));
        }
    }

    /// <summary>Finds an id.</summary>
    /// <returns>Its index, or -1.</returns>
    public int IndexOf(ReadOnlySpan<char> id)
    {
        ReadOnlySpan<byte> utf8 = Encode(id);
        int mask = _buckets.Length - 1;
        for (int slot = Hash(utf8) & mask; ; slot = (slot + 1) & mask)
        {
            int entry = _buckets[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (Bytes(_refs[entry - 1]).SequenceEqual(utf8))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>Appends an id unless it is present.</summary>
    /// <param name="id">The id.</param>
    /// <param name="existing">The index of the same id added before, or -1.</param>
    /// <param name="replace">When the id is present: append anyway and let the index point at the new entry.</param>
    /// <returns>The new entry's index, or -1 when the id was present and not replaced.</returns>
    /// <exception cref="ArgumentException">The id is longer than <see cref="MaxIdBytes"/> bytes.</exception>
    public int Add(ReadOnlySpan<char> id, out int existing, bool replace = false)
    {
        ReadOnlySpan<byte> utf8 = Encode(id);
        if (utf8.Length > MaxIdBytes)
        {
            throw new ArgumentException($"An account id may be at most {MaxIdBytes:N0} bytes long.", nameof(id));
        }

        GrowIfFull();
        int mask = _buckets.Length - 1;
        int slot = Hash(utf8) & mask;
        existing = -1;
        for (; ; slot = (slot + 1) & mask)
        {
            int entry = _buckets[slot];
            if (entry == 0)
            {
                break;
            }

            if (Bytes(_refs[entry - 1]).SequenceEqual(utf8))
            {
                existing = entry - 1;
                if (!replace)
                {
                    return -1;
                }

                break;
            }
        }

        int index = Append(utf8);
        _buckets[slot] = index + 1;
        if (existing >= 0)
        {
            _replaced.Add(existing);
        }

        return index;
    }

    /// <summary>A copy without the ids whose bit is set in <paramref name="dropped"/> (indexes renumbered in order).</summary>
    public AccountIds Without(BitArray dropped)
    {
        var kept = new AccountIds(_count);
        for (int i = 0; i < _count; i++)
        {
            if (!dropped[i])
            {
                kept.AppendIndexed(Bytes(_refs[i]));
            }
        }

        return kept;
    }

    private void AppendIndexed(ReadOnlySpan<byte> utf8)
    {
        GrowIfFull();

        int mask = _buckets.Length - 1;
        int slot = Hash(utf8) & mask;
        while (_buckets[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _buckets[slot] = Append(utf8) + 1;
    }

    private int Append(ReadOnlySpan<byte> utf8)
    {
        if (_chunkUsed + utf8.Length > ChunkBytes)
        {
            _chunks.Add(new byte[ChunkBytes]);
            _chunkUsed = 0;
        }

        utf8.CopyTo(_chunks[^1].AsSpan(_chunkUsed));
        if (_count == _refs.Length)
        {
            Array.Resize(ref _refs, (int)Math.Min(_refs.Length * 2L, Array.MaxLength));
        }

        _refs[_count] = ((long)(_chunks.Count - 1) << (ChunkBits + LengthBits)) | ((long)_chunkUsed << LengthBits) | (long)utf8.Length;
        _chunkUsed += utf8.Length;
        return _count++;
    }

    private ReadOnlySpan<byte> Bytes(long reference)
    {
        int length = (int)(reference & ((1L << LengthBits) - 1));
        int offset = (int)((reference >> LengthBits) & (ChunkBytes - 1));
        int chunk = (int)(reference >> (ChunkBits + LengthBits));
        return _chunks[chunk].AsSpan(offset, length);
    }

    private ReadOnlySpan<byte> Encode(ReadOnlySpan<char> id)
    {
        int max = Encoding.UTF8.GetMaxByteCount(id.Length);
        if (_scratch.Length < max)
        {
            _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, Encoding.UTF8.GetBytes(id, _scratch));
    }

    private void Rehash(int size)
    {
        _buckets = new int[size];
        int mask = size - 1;
        for (int i = 0; i < _count; i++)
        {
            if (_replaced.Contains(i))
            {
                continue;
            }

            int slot = Hash(Bytes(_refs[i])) & mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _buckets[slot] = i + 1;
        }
    }

    /// <summary>Keeps the index at most 3/4 full (linear probing stays short; 4 to 8 bytes per account).</summary>
    private void GrowIfFull()
    {
        if ((_count + 1L - _replaced.Count) * 4 > _buckets.Length * 3L)
        {
            Rehash(_buckets.Length * 2);
        }
    }

    private static int BucketsFor(int capacity)
    {
        int size = 32;
        while (size * 3L < capacity * 4L && size < (1 << 30))
        {
            size <<= 1;
        }

        return size;
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var hash = default(HashCode);
        hash.AddBytes(utf8);
        return hash.ToHashCode() & int.MaxValue;
    }
}
