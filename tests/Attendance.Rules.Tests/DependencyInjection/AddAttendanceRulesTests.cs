using Attendance.Rules.DependencyInjection;
using Attendance.Rules.Evaluation;
using Attendance.Rules.Loading;
using Attendance.Rules.Registers;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Attendance.Rules.Tests.DependencyInjection;

public class AddAttendanceRulesTests
{
    private const string MinimalYaml = """
        id: sample-academy
        version: "1"
        name: Sample Academy
        document: { title: Attendance Policy }
        extends: england-2024
        """;

    private static string PolicyFile(string school) => Path.Combine(RepositoryPaths.Policies, school + ".yaml");

    [Fact]
    public void Policies_added_by_path_are_resolved_by_id_in_the_order_added()
    {
        using var provider = new ServiceCollection()
            .AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough")).AddPolicy(PolicyFile("laurence-jackson")))
            .BuildServiceProvider();
        var policies = provider.GetRequiredService<IAttendancePolicies>();
        Assert.Equal(["stanborough", "laurence-jackson"], policies.Ids);
        Assert.Equal("stanborough", policies.Get("stanborough").Policy.Id);
        Assert.Equal("laurence-jackson", policies.Get("laurence-jackson").Policy.Id);
        Assert.Equal(PolicyEvaluator.Compile(PolicyLoader.Load(PolicyFile("stanborough"))).Version, policies.Get("stanborough").Version);
    }

    [Fact]
    public void Each_compiled_policy_is_a_singleton_keyed_by_its_id_and_shared_with_IAttendancePolicies()
    {
        using var provider = new ServiceCollection()
            .AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough")).AddPolicy(PolicyFile("willoughby-primary")))
            .BuildServiceProvider();
        var keyed = provider.GetRequiredKeyedService<CompiledPolicy>("willoughby-primary");
        Assert.Equal("willoughby-primary", keyed.Policy.Id);
        Assert.Same(keyed, provider.GetRequiredKeyedService<CompiledPolicy>("willoughby-primary"));
        Assert.Same(keyed, provider.GetRequiredService<IAttendancePolicies>().Get("willoughby-primary"));
        Assert.Same(provider.GetRequiredService<IAttendancePolicies>(), provider.GetRequiredService<IAttendancePolicies>());
        Assert.Null(provider.GetKeyedService<CompiledPolicy>("hall-green-primary"));
    }

    [Fact]
    public void A_loaded_policy_and_YAML_text_can_be_added_as_well_as_files()
    {
        var loaded = PolicyLoader.Load(PolicyFile("hall-green-primary"));
        using var provider = new ServiceCollection()
            .AddAttendanceRules(o => o.AddPolicy(loaded).AddPolicyYaml(MinimalYaml, "sample-academy.yaml"))
            .BuildServiceProvider();
        var policies = provider.GetRequiredService<IAttendancePolicies>();
        Assert.Equal(["hall-green-primary", "sample-academy"], policies.Ids);
        Assert.Same(loaded, policies.Get("hall-green-primary").Policy);
        Assert.Equal("Sample Academy", policies.Get("sample-academy").Policy.Name);

        // The YAML extends the embedded national policy, so its rules apply.
        Assert.NotNull(policies.Get("sample-academy").Policy.FindRule("penalty-notice-threshold"));
    }

    [Fact]
    public void A_resolved_policy_evaluates_a_register()
    {
        using var provider = new ServiceCollection().AddAttendanceRules(o => o.AddPolicy(PolicyFile("laurence-jackson"))).BuildServiceProvider();
        var monday = new LocalDate(2025, 9, 8);
        var register = PupilRegister.Create("P001", [SessionMark.Create(Session.Morning(monday), "/"), SessionMark.Create(Session.Afternoon(monday), "I")]);
        var result = provider.GetRequiredService<IAttendancePolicies>().Get("laurence-jackson").Evaluate(register, monday);
        Assert.Equal(50.00m, result.Figures.AttendancePercent);
        Assert.Equal("laurence-jackson", result.PolicyId);
    }

    [Fact]
    public void An_unknown_id_throws_a_KeyNotFoundException_naming_the_registered_ids()
    {
        using var provider = new ServiceCollection().AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough"))).BuildServiceProvider();
        var policies = provider.GetRequiredService<IAttendancePolicies>();
        var e = Assert.Throws<KeyNotFoundException>(() => policies.Get("stanboro"));
        Assert.Contains("'stanboro'", e.Message, StringComparison.Ordinal);
        Assert.Contains("registered: stanborough", e.Message, StringComparison.Ordinal);
        Assert.False(policies.TryGet("stanboro", out var missing));
        Assert.Null(missing);
        Assert.True(policies.TryGet("stanborough", out var found));
        Assert.Equal("stanborough", found.Policy.Id);
        Assert.Throws<KeyNotFoundException>(() => policies.Get("STANBOROUGH"));
    }

    [Fact]
    public void An_invalid_policy_fails_registration_with_its_located_diagnostics()
    {
        var services = new ServiceCollection();
        var e = Assert.Throws<PolicyException>(() => services.AddAttendanceRules(o => o.AddPolicyYaml("id: broken\nversion: \"1\"\nname: Broken\nrules: 3\n", "broken.yaml")));
        Assert.Contains(e.Errors, d => d.File == "broken.yaml" && d.Line > 0);
        Assert.Empty(services);
    }

    [Fact]
    public void A_missing_policy_file_fails_registration_naming_the_file()
    {
        var path = Path.Combine(RepositoryPaths.Policies, "no-such-school.yaml");
        var e = Assert.Throws<PolicyException>(() => new ServiceCollection().AddAttendanceRules(o => o.AddPolicy(path)));
        Assert.Contains(e.Errors, d => d.File == path);
    }

    [Fact]
    public void The_same_id_twice_fails_registration_in_one_call_or_across_calls()
    {
        var once = Assert.Throws<InvalidOperationException>(() => new ServiceCollection()
            .AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough")).AddPolicy(PolicyLoader.Load(PolicyFile("stanborough")))));
        Assert.Contains("'stanborough'", once.Message, StringComparison.Ordinal);
        Assert.Contains(PolicyFile("stanborough"), once.Message, StringComparison.Ordinal);

        var services = new ServiceCollection().AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough")));
        Assert.Throws<InvalidOperationException>(() => services.AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough"))));
    }

    [Fact]
    public void Policies_from_several_calls_are_all_registered_under_one_IAttendancePolicies()
    {
        var services = new ServiceCollection()
            .AddAttendanceRules(o => o.AddPolicy(PolicyFile("stanborough")))
            .AddAttendanceRules(o => o.AddPolicy(PolicyFile("aycliffe-drive-primary")));
        Assert.Single(services, d => d.ServiceType == typeof(IAttendancePolicies));
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["stanborough", "aycliffe-drive-primary"], provider.GetRequiredService<IAttendancePolicies>().Ids);
    }

    [Fact]
    public void Load_options_apply_to_files_and_YAML_whenever_they_are_set()
    {
        var tight = new PolicyLoadOptions { Limits = PolicyLoadLimits.Default with { MaxCharacters = 50 } };
        Assert.Throws<PolicyException>(() => new ServiceCollection().AddAttendanceRules(o =>
        {
            o.AddPolicyYaml(MinimalYaml, "sample-academy.yaml");
            o.LoadOptions = tight;
        }));
        Assert.Single(new ServiceCollection().AddAttendanceRules(o => o.AddPolicyYaml(MinimalYaml, "sample-academy.yaml")), d => d.ServiceType == typeof(CompiledPolicy));
    }

    [Fact]
    public void No_policies_gives_an_empty_IAttendancePolicies()
    {
        using var provider = new ServiceCollection().AddAttendanceRules(_ => { }).BuildServiceProvider();
        var policies = provider.GetRequiredService<IAttendancePolicies>();
        Assert.Empty(policies.Ids);
        Assert.Contains("registered: none", Assert.Throws<KeyNotFoundException>(() => policies.Get("stanborough")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => AttendanceRulesServiceCollectionExtensions.AddAttendanceRules(null!, _ => { }));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddAttendanceRules(null!));
        var options = new AttendanceRulesOptions();
        Assert.ThrowsAny<ArgumentException>(() => options.AddPolicy((string)null!));
        Assert.ThrowsAny<ArgumentException>(() => options.AddPolicy(" "));
        Assert.Throws<ArgumentNullException>(() => options.AddPolicy((Attendance.Rules.Policies.Policy)null!));
        Assert.Throws<ArgumentNullException>(() => options.AddPolicyYaml(null!, "x.yaml"));
        Assert.ThrowsAny<ArgumentException>(() => options.AddPolicyYaml(MinimalYaml, ""));
    }

    [Fact]
    public void AttendancePolicies_refuses_two_policies_with_one_id()
    {
        var policy = PolicyEvaluator.Compile(PolicyLoader.Load(PolicyFile("stanborough")));
        var e = Assert.Throws<ArgumentException>(() => new AttendancePolicies([policy, policy]));
        Assert.Contains("'stanborough'", e.Message, StringComparison.Ordinal);
    }
}
