using Fluid;
using Fluid.Ast;

namespace Attendance.Rules.Cli.Letters;

/// <summary>
/// Walks a parsed template and finds every member path it reads (<c>pupil.name</c>,
/// <c>f.title</c> inside <c>{% for f in follow_ups %}</c>) that the merge fields do not declare,
/// every filter Fluid does not have, and every <c>include</c> or <c>render</c> (a letter template
/// is one file and reads no other). Fluid's syntax tree carries no positions, so each problem is
/// returned with the text to look for in the template (see <see cref="TemplateSource"/>).
/// </summary>
internal sealed class TemplateChecker : AstVisitor
{
    private readonly FieldShape root;
    private readonly TemplateOptions options;
    private readonly List<Dictionary<string, FieldShape>> scopes = [new(StringComparer.Ordinal)];
    private readonly List<TemplateProblem> problems = [];

    private TemplateChecker(FieldShape root, TemplateOptions options)
    {
        this.root = root;
        this.options = options;
    }

    /// <summary>The problems of a template, in the order its statements read them.</summary>
    public static IReadOnlyList<TemplateProblem> Check(IFluidTemplate template, IReadOnlyList<MergeField> fields, TemplateOptions options)
    {
        var checker = new TemplateChecker(FieldShape.Object(fields), options);
        checker.VisitTemplate(template);
        return checker.problems;
    }

    protected override Expression VisitMemberExpression(MemberExpression memberExpression)
    {
        var segments = memberExpression.Segments;
        if (segments[0] is not IdentifierSegment first)
        {
            return memberExpression;
        }

        var shape = Lookup(first.Identifier);
        var written = new List<string> { first.Identifier };
        if (shape is null)
        {
            problems.Add(new TemplateProblem(written,
                $"unknown field '{first.Identifier}': the fields are {string.Join(", ", LetterFieldNames())}"));
            return memberExpression;
        }

        for (var i = 1; i < segments.Count; i++)
        {
            switch (segments[i])
            {
                case IdentifierSegment identifier:
                    var next = shape.Member(identifier.Identifier);
                    if (next is null)
                    {
                        var parent = string.Join(".", written);
                        written.Add(identifier.Identifier);
                        problems.Add(new TemplateProblem(written, $"unknown field '{string.Join(".", written)}': {parent} {shape.Offer()}"));
                        return memberExpression;
                    }

                    written.Add(identifier.Identifier);
                    shape = next;
                    break;
                case IndexerSegment indexer:
                    Visit(indexer.Expression);
                    if (indexer.Expression is LiteralExpression literal && literal.Value.Type == Fluid.Values.FluidValues.String)
                    {
                        var name = literal.Value.ToStringValue();
                        var member = shape.Member(name);
                        if (member is null)
                        {
                            problems.Add(new TemplateProblem(written, $"unknown field '{string.Join(".", written)}[\"{name}\"]': {string.Join(".", written)} {shape.Offer()}"));
                            return memberExpression;
                        }

                        shape = member;
                    }
                    else
                    {
                        // A position in a list gives its item; any other computed key is not checked.
                        shape = shape.Item ?? FieldShape.Any;
                    }

                    break;
                default:
                    problems.Add(new TemplateProblem(written, $"'{string.Join(".", written)}' is called as a function; templates call no functions"));
                    return memberExpression;
            }
        }

        return memberExpression;
    }

    protected override Expression VisitFilterExpression(FilterExpression filterExpression)
    {
        if (!options.Filters.TryGetValue(filterExpression.Name, out _))
        {
            problems.Add(new TemplateProblem(["|", filterExpression.Name], $"unknown filter '{filterExpression.Name}'"));
        }

        return base.VisitFilterExpression(filterExpression);
    }

    protected override Statement VisitAssignStatement(AssignStatement assignStatement)
    {
        var result = base.VisitAssignStatement(assignStatement);
        scopes[0][assignStatement.Identifier] = FieldShape.Any;
        return result;
    }

    protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
    {
        var result = base.VisitCaptureStatement(captureStatement);
        scopes[0][captureStatement.Identifier] = FieldShape.Any;
        return result;
    }

    protected override Statement VisitIncrementStatement(IncrementStatement incrementStatement)
    {
        scopes[0][incrementStatement.Identifier] = FieldShape.Any;
        return base.VisitIncrementStatement(incrementStatement);
    }

    protected override Statement VisitDecrementStatement(DecrementStatement decrementStatement)
    {
        scopes[0][decrementStatement.Identifier] = FieldShape.Any;
        return base.VisitDecrementStatement(decrementStatement);
    }

    protected override Statement VisitForStatement(ForStatement forStatement)
    {
        Visit(forStatement.Source);
        Visit(forStatement.Range);
        Visit(forStatement.Limit);
        Visit(forStatement.Offset);
        var item = forStatement.Source is MemberExpression source ? ItemOf(source) : FieldShape.Any;
        Loop(forStatement.Identifier, item, "forloop", forStatement.Statements);
        Visit(forStatement.Else);
        return forStatement;
    }

    protected override Statement VisitTableRowStatement(TableRowStatement tableRowStatement)
    {
        Visit(tableRowStatement.Source);
        Visit(tableRowStatement.Limit);
        Visit(tableRowStatement.Offset);
        Visit(tableRowStatement.Cols);
        var item = tableRowStatement.Source is MemberExpression source ? ItemOf(source) : FieldShape.Any;
        Loop(tableRowStatement.Identifier, item, "tablerowloop", tableRowStatement.Statements);
        return tableRowStatement;
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        problems.Add(new TemplateProblem(["include"], "include is not allowed: a letter template is one file"));
        return includeStatement;
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        problems.Add(new TemplateProblem(["render"], "render is not allowed: a letter template is one file"));
        return renderStatement;
    }

    private void Loop(string identifier, FieldShape item, string loopName, IReadOnlyList<Statement> statements)
    {
        scopes.Add(new Dictionary<string, FieldShape>(StringComparer.Ordinal) { [identifier] = item, [loopName] = FieldShape.Loop });
        foreach (var statement in statements)
        {
            Visit(statement);
        }

        scopes.RemoveAt(scopes.Count - 1);
    }

    /// <summary>The item of a loop's source: a declared list's item, anything for a template's own variable, nothing to check for the rest.</summary>
    private FieldShape ItemOf(MemberExpression source)
    {
        var shape = Lookup(source.Segments[0] is IdentifierSegment first ? first.Identifier : string.Empty);
        for (var i = 1; shape is not null && i < source.Segments.Count; i++)
        {
            shape = source.Segments[i] is IdentifierSegment s ? shape.Member(s.Identifier) : shape.Item ?? FieldShape.Any;
        }

        return shape?.Item ?? FieldShape.Any;
    }

    private FieldShape? Lookup(string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out var local))
            {
                return local;
            }
        }

        return root.Member(name);
    }

    private IEnumerable<string> LetterFieldNames() => root.Fields!.Select(f => f.Name);
}

/// <summary>A problem the checker found: the words of the template that show it (to locate it), and the message.</summary>
internal sealed record TemplateProblem(IReadOnlyList<string> Words, string Message);
