using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace MergeQueue.Analyzers.Engine.Tests;

/// <summary>
/// The state table: every key added is found again after the table grows, with its number when numbers are kept;
/// without numbers a slot is half the size and a known key answers 0; numbers kept apart make it 12 bytes. A table that
/// can read its keys again grows by half from them, not from its old slots.
/// </summary>
public class FingerprintTableTests
{
    // Enough keys to make a table of 1,024 slots grow several times.
    private const int KeyCount = 20_000;

    [Fact]
    public void A_numbered_table_finds_every_key_with_its_number_after_growing()
    {
        var table = new FingerprintTable(TableLayout.NumbersBeside);
        for (int id = 0; id < KeyCount; id++)
        {
            table.Add(KeyOf(id), id);
        }

        Assert.True(table.Capacity > 1024);
        for (int id = 0; id < KeyCount; id++)
        {
            Assert.Equal(id, Find(table, KeyOf(id)));
        }

        Assert.Equal(-1, Find(table, KeyOf(KeyCount)));
    }

    [Fact]
    public void A_table_without_numbers_tells_known_keys_from_new_ones_in_half_the_memory()
    {
        var numbered = new FingerprintTable(TableLayout.NumbersBeside);
        var keysOnly = new FingerprintTable(TableLayout.NoNumbers);
        for (int id = 0; id < KeyCount; id++)
        {
            numbered.Add(KeyOf(id), id);
            keysOnly.Add(KeyOf(id), id);
        }

        Assert.Equal(numbered.Capacity, keysOnly.Capacity);
        Assert.Equal(numbered.Bytes, 2 * keysOnly.Bytes);
        for (int id = 0; id < KeyCount; id++)
        {
            Assert.Equal(0, Find(keysOnly, KeyOf(id)));
        }

        Assert.Equal(-1, Find(keysOnly, KeyOf(KeyCount)));
    }

    [Fact]
    public void A_probe_walks_every_state_with_the_same_fingerprint()
    {
        // In exact mode two states may share a fingerprint; the caller compares each one the probe returns.
        var table = new FingerprintTable(TableLayout.NumbersBeside);
        ulong key = FingerprintTable.Key(42);
        table.Add(key, 7);
        table.Add(FingerprintTable.Key(43), 8);
        table.Add(key, 9);

        var found = new List<int>();
        int slot = table.Home(key);
        for (int id = table.Probe(key, ref slot); id >= 0; id = table.Probe(key, ref slot))
        {
            found.Add(id);
        }

        Assert.Equal(new[] { 7, 9 }, found);
    }

    [Fact]
    public void A_slot_a_failed_probe_leaves_takes_the_key()
    {
        var table = new FingerprintTable(TableLayout.NumbersBeside);
        ulong key = FingerprintTable.Key(5);
        table.Reserve(1);
        int slot = table.Home(key);
        Assert.Equal(-1, table.Probe(key, ref slot));

        table.InsertAt(slot, key, 3);
        table.SetId(slot, 4);

        Assert.Equal(4, Find(table, key));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void A_table_that_keeps_numbers_apart_finds_every_key_with_its_number_in_12_bytes_a_slot()
    {
        var apart = new FingerprintTable(TableLayout.NumbersApart);
        var beside = new FingerprintTable(TableLayout.NumbersBeside);
        for (int id = 0; id < KeyCount; id++)
        {
            apart.Add(KeyOf(id), id);
            beside.Add(KeyOf(id), id);
        }

        Assert.True(apart.Numbered);
        Assert.Equal(beside.Capacity, apart.Capacity);
        Assert.Equal(apart.Capacity * 12L, apart.Bytes);
        for (int id = 0; id < KeyCount; id++)
        {
            Assert.Equal(id, Find(apart, KeyOf(id)));
        }

        Assert.Equal(-1, Find(apart, KeyOf(KeyCount)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_table_that_can_read_its_keys_again_grows_by_half_from_them_and_finds_every_key(bool numbered)
    {
        TableLayout layout = numbered ? TableLayout.NumbersApart : TableLayout.NoNumbers;
        var keys = new List<ulong>();
        int readings = 0;
        void KeysAgain(FingerprintTable.KeyBatch each)
        {
            // In batches of up to 1,000, as a log of keys is read.
            readings++;
            for (int first = 0; first < keys.Count; first += 1000)
            {
                int count = Math.Min(1000, keys.Count - first);
                each(keys.GetRange(first, count).ToArray(), Enumerable.Range(first, count).ToArray(), count);
            }
        }

        var table = new FingerprintTable(layout, KeysAgain);
        for (int id = 0; id < KeyCount; id++)
        {
            table.Add(KeyOf(id), id);
            keys.Add(KeyOf(id));
        }

        // 1,024 slots hold 768 keys; growing by half nine times, each reading the keys once, gives 39,366 slots, the
        // first to hold 20,000 at a load of at most 3/4 (26,244 holds 19,683).
        Assert.Equal(39_366, table.Capacity);
        Assert.Equal(9, readings);
        for (int id = 0; id < KeyCount; id++)
        {
            Assert.Equal(numbered ? id : 0, Find(table, KeyOf(id)));
        }

        Assert.Equal(-1, Find(table, KeyOf(KeyCount)));
    }

    [Fact]
    public void Keys_read_again_that_are_not_the_table_s_are_an_error()
    {
        var table = new FingerprintTable(TableLayout.NoNumbers, each => each(new[] { KeyOf(0) }, new[] { 0 }, 1));
        for (int id = 0; id < 768; id++)
        {
            table.Add(KeyOf(id), id);
        }

        Assert.Throws<InvalidOperationException>(() => table.Add(KeyOf(768), 768));
    }

    private static ulong KeyOf(int id) => FingerprintTable.Key((ulong)id);

    private static int Find(FingerprintTable table, ulong key)
    {
        int slot = table.Home(key);
        return table.Probe(key, ref slot);
    }
}
