using Attendance.Rules.Loading.Canonical;
using Xunit;

namespace Attendance.Rules.Tests.Loading.Canonical;

public sealed class CanonicalHashTests
{
    [Fact]
    public void Layout_is_not_part_of_the_hash()
    {
        var flow = Map(new CanonicalList(ListLayout.Flow), "a", "b");
        var block = Map(new CanonicalList(ListLayout.Block), "a", "b");

        Assert.Equal(CanonicalHash.Of(flow), CanonicalHash.Of(block));
        Assert.Equal(
            CanonicalHash.Of(new CanonicalMap(flow: true).Add("k", new CanonicalScalar("1"))),
            CanonicalHash.Of(new CanonicalMap(flow: false).Add("k", new CanonicalScalar("1"))));
    }

    [Fact]
    public void Content_that_would_concatenate_alike_hashes_differently()
    {
        var ab = Map(new CanonicalList(ListLayout.Flow), "ab");
        var aAndB = Map(new CanonicalList(ListLayout.Flow), "a", "b");
        var text = new CanonicalMap().Add("k", new CanonicalText("1"));
        var scalar = new CanonicalMap().Add("k", new CanonicalScalar("1"));
        var nested = new CanonicalMap().Add("k", new CanonicalMap().Add("k", new CanonicalText("1")));

        Assert.NotEqual(CanonicalHash.Of(ab), CanonicalHash.Of(aAndB));
        Assert.NotEqual(CanonicalHash.Of(text), CanonicalHash.Of(scalar));
        Assert.NotEqual(CanonicalHash.Of(text), CanonicalHash.Of(nested));
    }

    [Fact]
    public void A_lone_surrogate_hashes_apart_from_the_replacement_character()
    {
        var lone = new CanonicalMap().Add("k", new CanonicalText("\uD800"));
        var replacement = new CanonicalMap().Add("k", new CanonicalText("\uFFFD"));

        Assert.NotEqual(CanonicalHash.Of(lone), CanonicalHash.Of(replacement));
    }

    [Fact]
    public void A_text_longer_than_one_hashing_chunk_changes_the_hash_in_its_last_character()
    {
        var text = new string('x', 300);

        Assert.NotEqual(
            CanonicalHash.Of(new CanonicalMap().Add("k", new CanonicalText(text + "a"))),
            CanonicalHash.Of(new CanonicalMap().Add("k", new CanonicalText(text + "b"))));
    }

    private static CanonicalMap Map(CanonicalList list, params string[] texts)
    {
        list.Items.AddRange(texts.Select(t => new CanonicalText(t)));
        return new CanonicalMap().Add("list", list);
    }
}
