namespace Hereafter.Web.Modules.Family.Contracts;

/// <summary>Where a citizen's claim on a case stands; sent as <c>admitted</c>, <c>pending-proof</c>, <c>pending-review</c>, <c>rejected</c>.</summary>
public enum AdmissionStatus
{
    /// <summary>May see the case and apply.</summary>
    Admitted,
    /// <summary>Must upload proof of relationship.</summary>
    PendingProof,
    /// <summary>Proof uploaded; a civil-affairs clerk decides.</summary>
    PendingReview,
    /// <summary>The clerk rejected the proof (with a reason); the citizen may upload new proof.</summary>
    Rejected,
}

/// <summary>Relationship to the deceased (the heirs and close relatives who may act, DOMAIN.md §5).</summary>
public enum Relationship
{
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    Grandparent,
    /// <summary>Other relative or the person in charge of the funeral (丧事承办人).</summary>
    Other,
}

public static class Relationships
{
    public static string ChineseName(this Relationship r) => r switch
    {
        Relationship.Spouse => "配偶",
        Relationship.Child => "子女",
        Relationship.Parent => "父母",
        Relationship.Sibling => "兄弟姐妹",
        Relationship.Grandchild => "孙子女、外孙子女",
        Relationship.Grandparent => "祖父母、外祖父母",
        Relationship.Other => "其他亲属或丧事承办人",
        _ => r.ToString(),
    };

    public static string EnglishName(this Relationship r) => r switch
    {
        Relationship.Spouse => "Spouse",
        Relationship.Child => "Child",
        Relationship.Parent => "Parent",
        Relationship.Sibling => "Brother or sister",
        Relationship.Grandchild => "Grandchild",
        Relationship.Grandparent => "Grandparent",
        Relationship.Other => "Other relative or person in charge of the funeral",
        _ => r.ToString(),
    };
}
