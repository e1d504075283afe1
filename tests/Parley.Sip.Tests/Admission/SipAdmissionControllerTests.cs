using Microsoft.Extensions.Time.Testing;
using Parley.Sip.Admission;

namespace Parley.Sip.Tests.Admission;

public sealed class SipAdmissionControllerTests
{
    private readonly SipAdmissionController _admission = new(new SipAdmissionOptions(), new FakeTimeProvider());

    [Fact]
    public void ATenantsPlanCap_AdmitsThatManyCallsAtOnce_AndAReleasedCallFreesItsPlace()
    {
        var scope = new SipAdmissionScope(Tenant: "acme", TenantCallCap: 2);
        Assert.True(_admission.TryAdmit(scope, out var first, out _));
        Assert.True(_admission.TryAdmit(scope, out _, out _));
        Assert.False(_admission.TryAdmit(scope, out _, out var refusal));
        Assert.Equal(SipAdmissionRefusal.TenantConcurrency, refusal);
        Assert.True(_admission.TryAdmit(new SipAdmissionScope(Tenant: "other"), out _, out _)); // another tenant is not held back

        first.Release();
        Assert.True(_admission.TryAdmit(scope, out _, out _));
    }

    [Fact]
    public void APlanCapOfZero_RefusesEveryCall_AndRaisingItAdmitsAgain()
    {
        Assert.False(_admission.TryAdmit(new SipAdmissionScope(Tenant: "acme", TenantCallCap: 0), out _, out var refusal));
        Assert.Equal(SipAdmissionRefusal.TenantConcurrency, refusal);
        Assert.True(_admission.TryAdmit(new SipAdmissionScope(Tenant: "acme", TenantCallCap: 1), out _, out _));
        Assert.False(_admission.TryAdmit(new SipAdmissionScope(Tenant: "acme", TenantCallCap: 1), out _, out _));
    }
}
