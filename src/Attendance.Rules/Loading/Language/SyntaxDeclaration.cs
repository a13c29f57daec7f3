namespace Attendance.Rules.Loading.Language;

/// <summary>
/// A measure or window of the policy language, declared once: its name, its keys and its doc
/// line, how to make the model from the keys' values and how to take them back. A declaration with
/// no <see cref="Head"/> is written as its bare name (<c>attendance</c>, <c>term</c>); one with a
/// head is a mapping whose head key names it (<c>{ count: [I] }</c>, <c>{ rolling: { weeks: 12 } }</c>).
/// </summary>
/// <param name="Name">The name in the docs (the bare word, or the head key with its unit: <c>rolling.weeks</c>).</param>
/// <param name="Doc">One line of documentation.</param>
/// <param name="Head">The key that names it, for the mapping form.</param>
/// <param name="Keys">The other keys.</param>
/// <param name="Model">The model type it makes.</param>
/// <param name="Create">Makes the model from the keys' values.</param>
/// <param name="Args">Takes the keys' values from a model it declares.</param>
/// <param name="Owns">Whether a model object is this declaration's (several may share a type).</param>
internal sealed record SyntaxDeclaration(
    string Name,
    string Doc,
    KeySpec? Head,
    KeySpec[] Keys,
    Type Model,
    Func<SyntaxArgs, object> Create,
    Func<object, SyntaxArgs> Args,
    Func<object, bool> Owns)
{
    /// <summary>Every key the mapping form accepts.</summary>
    public IEnumerable<KeySpec> AllKeys => Head is null ? Keys : Keys.Prepend(Head);

    /// <summary>A declaration of a bare word.</summary>
    public static SyntaxDeclaration Word<T>(string name, string doc, T model)
        where T : class =>
        new(name, doc, null, [], typeof(T), _ => model, _ => new SyntaxArgs(), m => Equals(m, model));
}
