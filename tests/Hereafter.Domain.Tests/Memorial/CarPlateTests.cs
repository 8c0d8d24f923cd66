using CsCheck;
using Hereafter.Domain.Memorial;

namespace Hereafter.Domain.Tests.Memorial;

public class CarPlateTests
{
    [Theory]
    [InlineData("贵A12345", "贵A12345")]
    [InlineData(" 贵a·12345 ", "贵A12345")]
    [InlineData("贵A-D12345", "贵AD12345")]
    [InlineData("粤B12345F", "粤B12345F")]
    [InlineData("京AF1234", "京AF1234")]
    [InlineData("粤B1234学", "粤B1234学")]
    [InlineData("沪C 8888 挂", "沪C8888挂")]
    public void Plate_IsNormalised(string typed, string expected) => Assert.Equal(expected, CarPlate.Normalise(typed));

    [Theory]
    [InlineData("")]
    [InlineData("A12345")]
    [InlineData("贵12345")]
    [InlineData("贵I12345")]
    [InlineData("贵AO2345")]
    [InlineData("贵A1234")]
    [InlineData("贵A1234567")]
    [InlineData("贵AD1234X")]
    [InlineData("X贵12345")]
    [InlineData("贵A12<45")]
    public void NotAPlate_IsRefused(string typed) => Assert.Null(CarPlate.Normalise(typed));

    [Fact]
    public void Normalising_IsIdempotent_AndNeverLongerThanTheColumn() =>
        Gen.String[Gen.Char["贵京粤ABDFHJ0123456789 ·-学"], 0, 12].Sample(text =>
        {
            if (CarPlate.Normalise(text) is { } plate)
            {
                Assert.Equal(plate, CarPlate.Normalise(plate));
                Assert.InRange(plate.Length, 7, CarPlate.MaxLength);
            }
        });
}
