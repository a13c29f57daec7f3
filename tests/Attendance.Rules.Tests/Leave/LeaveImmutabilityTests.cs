using System.Reflection;
using Attendance.Rules.Leave;
using Attendance.Rules.Policies.Leave;

namespace Attendance.Rules.Tests.Leave;

/// <summary>The public leave types (requests, decisions, the policy's leave section) cannot be changed once made.</summary>
public class LeaveImmutabilityTests
{
    public static TheoryData<Type> PublicLeaveTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(LeaveRequest).Assembly.GetExportedTypes()
                     .Where(t => t.Namespace is "Attendance.Rules.Leave" or "Attendance.Rules.Policies.Leave" && !t.IsEnum)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void The_leave_namespaces_have_the_request_the_decision_and_the_conditions()
    {
        var types = PublicLeaveTypes().Cast<object[]>().Select(row => (Type)row[0]).ToList();

        Assert.Contains(typeof(LeaveRequest), types);
        Assert.Contains(typeof(LeaveDecision), types);
        Assert.Contains(typeof(LeaveReason), types);
        Assert.Contains(typeof(LicenceCondition), types);
    }

    [Theory]
    [MemberData(nameof(PublicLeaveTypes))]
    public void A_public_leave_type_has_no_public_setter_and_no_writable_field(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            var setter = property.GetSetMethod();
            Assert.True(
                setter is null || setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"),
                $"{type.Name}.{property.Name} has a public setter");
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            Assert.True(field.IsInitOnly || field.IsLiteral, $"{type.Name}.{field.Name} is a writable field");
        }
    }
}
