using Preventiemonitor.Model.Deliveries;

namespace Preventiemonitor.Model.Tests.Deliveries;

/// <summary>
/// The privacy rule of aanleverformaat §4: a participant id that is, after trimming, exactly 9 digits,
/// not all zero, and passes the elfproef (9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11) looks like a BSN.
/// </summary>
public sealed class BsnTests
{
    [Theory]
    [InlineData("123456782")] // 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11
    [InlineData("111222333")] // 9+8+7+12+10+8+9+6 − 3 = 66 = 6·11
    [InlineData("999999990")] // 9·44 − 0 = 396 = 36·11
    [InlineData("012345672")] // leading zero kept: 0+8+14+18+20+20+18+14 − 2 = 110 = 10·11
    [InlineData("000000012")] // 2·1 − 2 = 0: divisible, and not all zero
    public void Nine_digits_that_pass_the_elfproef_look_like_a_BSN(string value) => Assert.True(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("123456789")] // 156 − 9 = 147 = 13·11 + 4
    [InlineData("123456781")] // 156 − 1 = 155 = 14·11 + 1
    [InlineData("123456783")] // one more than a valid BSN in the last digit
    [InlineData("213456782")] // two digits swapped: the test catches it
    [InlineData("000000001")] // −1
    public void Nine_digits_that_fail_the_elfproef_do_not(string value) => Assert.False(Bsn.LooksLikeBsn(value));

    [Fact]
    public void All_zero_passes_the_sum_but_is_not_a_BSN() => Assert.False(Bsn.LooksLikeBsn("000000000"));

    [Theory]
    [InlineData("12345678")] // 8 digits
    [InlineData("1234567")]
    [InlineData("23456782")] // a valid BSN without its first digit
    [InlineData("1234567820")] // 10 digits
    [InlineData("0123456782")] // a valid BSN with a leading zero in front: 10 digits
    [InlineData("1234567823")] // a valid BSN with a digit after it
    public void Only_exactly_nine_digits_count(string value) => Assert.False(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData(" 123456782")]
    [InlineData("123456782 ")]
    [InlineData("  123456782  ")]
    [InlineData("\t123456782\r\n")]
    [InlineData("\u00A0123456782\u00A0")] // non-breaking spaces (from a spreadsheet) are trimmed too
    [InlineData(" 012345672 ")]
    public void Surrounding_white_space_is_trimmed(string value) => Assert.True(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("123 456 782")]
    [InlineData("1234 56782")]
    [InlineData("123-456-782")]
    [InlineData("123.456.782")]
    [InlineData("123/456/782")]
    [InlineData("123_456_782")]
    public void Separators_inside_make_it_not_exactly_nine_digits(string value) => Assert.False(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData("12345678a")]
    [InlineData("a23456782")]
    [InlineData("D12345678")]
    [InlineData("+23456782")]
    [InlineData("-23456782")]
    [InlineData("1234567.2")]
    [InlineData("١٢٣٤٥٦٧٨٢")] // Arabic-Indic digits: not the digits 0–9 of the rule
    [InlineData("１２３４５６７８２")] // full-width digits
    public void Anything_but_the_digits_0_to_9_is_not_a_BSN(string value) => Assert.False(Bsn.LooksLikeBsn(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("         ")] // nine spaces
    public void Missing_is_not_a_BSN(string? value) => Assert.False(Bsn.LooksLikeBsn(value));

    [Fact]
    public void Every_last_digit_but_one_fails_for_the_same_first_eight()
    {
        var passing = Enumerable.Range(0, 10).Where(d => Bsn.LooksLikeBsn($"12345678{d}")).ToList();

        Assert.Equal([2], passing);
    }

    [Theory]
    [InlineData(123456782d, true)]
    [InlineData(123456782.0000001, false)]
    [InlineData(12345672d, true)] // 012345672: an XLSX number that lost its leading zero
    [InlineData(12345674d, false)]
    [InlineData(123456782.5, false)]
    [InlineData(1234567d, false)] // 7 digits: not a BSN with one leading zero
    [InlineData(1234567820d, false)]
    public void A_number_looks_like_a_bsn_in_its_nine_digit_form(double number, bool expected) =>
        Assert.Equal(expected, Bsn.LooksLikeBsn(number));

    [Theory]
    [InlineData("onbekend meetmoment '123456782'", "onbekend meetmoment '[BSN verborgen]'")]
    [InlineData("1234567820 en 123456783", "1234567820 en 123456783")]
    [InlineData("a123456782b", "a[BSN verborgen]b")]
    public void Mask_hides_every_nine_digit_run_that_looks_like_a_bsn(string text, string expected) =>
        Assert.Equal(expected, Bsn.Mask(text));
}
