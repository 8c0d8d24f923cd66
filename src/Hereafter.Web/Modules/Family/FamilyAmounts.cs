using System.Globalization;

namespace Hereafter.Web.Modules.Family;

/// <summary>Yuan as the family's pages and messages write them: 1,234.50.</summary>
public static class FamilyAmounts
{
    public static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);
}
