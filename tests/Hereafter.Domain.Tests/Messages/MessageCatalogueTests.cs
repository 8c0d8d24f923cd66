using System.Text.RegularExpressions;
using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Tests.Messages;

public sealed class MessageCatalogueTests
{
    [Fact]
    public void BothLanguages_HaveTheSameKeys()
    {
        var chinese = MessageCatalogue.Chinese.Texts.Keys.Order(StringComparer.Ordinal).ToList();
        var english = MessageCatalogue.English.Texts.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(chinese);
        Assert.Empty(chinese.Except(english));
        Assert.Empty(english.Except(chinese));
    }

    [Fact]
    public void EachText_HasTheSamePlaceholdersInBothLanguages_AndIsNotEmpty()
    {
        foreach (var (key, chinese) in MessageCatalogue.Chinese.Texts)
        {
            var english = MessageCatalogue.English.Texts[key];
            Assert.False(string.IsNullOrWhiteSpace(chinese), key);
            Assert.False(string.IsNullOrWhiteSpace(english), key);
            Assert.True(MessageCatalogue.PlaceholdersOf(chinese).SetEquals(MessageCatalogue.PlaceholdersOf(english)), $"{key}: '{chinese}' vs '{english}'");
        }
    }

    [Fact]
    public void Keys_AreLowerCaseWordsJoinedByDotsAndHyphens()
    {
        foreach (var key in MessageCatalogue.Chinese.Texts.Keys)
            Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-zA-Z0-9]+(-[a-z0-9]+)*)+$"), key);
    }

    [Fact]
    public void EnglishTexts_AreEnglish_AndChineseTextsAreChinese()
    {
        foreach (var (key, english) in MessageCatalogue.English.Texts)
            Assert.DoesNotMatch(new Regex(@"\p{IsCJKUnifiedIdeographs}"), Regex.Replace(english, "[「“\"].*?[」”\"]", ""));
        foreach (var (key, chinese) in MessageCatalogue.Chinese.Texts)
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), chinese);
    }

    [Fact]
    public void Text_FillsNamedValues_InvariantCulture()
    {
        var message = new Message("certificates.reason.too-long").With("max", 500);
        Assert.Equal("原因不能超过500字", message.Chinese);
        Assert.Equal("The reason is too long (500 characters at most).", message.English);
    }

    [Fact]
    public void Text_OfAnUnknownKey_OrWithAMissingValue_Fails()
    {
        Assert.Throws<KeyNotFoundException>(() => new Message("no.such-key").Chinese);
        var missing = Assert.Throws<InvalidOperationException>(() => new Message("certificates.reason.too-long").English);
        Assert.Contains("{max}", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_KeepsAValueThatLooksLikeAPlaceholder_AsTyped()
    {
        var message = new Message("certificates.reason.too-long").With("max", "{max}{other}");
        Assert.Equal("原因不能超过{max}{other}字", message.Chinese);
    }
}
