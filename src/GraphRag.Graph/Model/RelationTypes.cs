namespace GraphRag.Graph.Model;

/// <summary>
/// Relation types. The typed ones come from explicit patterns in a sentence ("X uses Y");
/// <see cref="CoOccurs"/> records two entities named in the same sentence without such a pattern.
/// </summary>
public static class RelationTypes
{
    public const string IsA = "is_a";
    public const string Uses = "uses";
    public const string Introduced = "introduced";
    public const string Outperforms = "outperforms";
    public const string Measures = "measures";
    public const string PartOf = "part_of";
    public const string BasedOn = "based_on";
    public const string DevelopedBy = "developed_by";

    /// <summary>Two names of one thing that the notes keep apart ("log loss", "often referred to as cross-entropy loss").</summary>
    public const string SameAs = "same_as";
    public const string CoOccurs = "co_occurs";
}
