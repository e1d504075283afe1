using Parley.Media.Mixing;

namespace Parley.Media.Tests.Mixing;

public sealed class AudioMixerTests
{
    private static short[] Constant(short value, int n = 160) => Enumerable.Repeat(value, n).ToArray();

    [Fact]
    public void ThreeParties_EachHearsTheOthersButNotItself()
    {
        var mixer = new AudioMixer();
        var a = mixer.AddParty();
        var b = mixer.AddParty();
        var c = mixer.AddParty();
        a.SetInput(Constant(100));
        b.SetInput(Constant(20));
        c.SetInput(Constant(3));

        mixer.Mix();

        Assert.All(a.Output.ToArray(), s => Assert.Equal(23, s));
        Assert.All(b.Output.ToArray(), s => Assert.Equal(103, s));
        Assert.All(c.Output.ToArray(), s => Assert.Equal(120, s));
    }

    [Theory]
    [InlineData(30000, short.MaxValue)]
    [InlineData(-30000, short.MinValue)]
    public void LoudParties_AreSaturatedNotWrapped(short level, short heard)
    {
        var mixer = new AudioMixer();
        var parties = Enumerable.Range(0, 3).Select(_ => mixer.AddParty()).ToList();
        parties.ForEach(p => p.SetInput(Constant(level)));

        mixer.Mix();

        Assert.All(parties, p => Assert.All(p.Output.ToArray(), s => Assert.Equal(heard, s)));
    }

    [Fact]
    public void ListenOnlyParty_HearsEveryoneAndIsNotHeard()
    {
        var mixer = new AudioMixer();
        var agent = mixer.AddParty();
        var customer = mixer.AddParty();
        var supervisor = mixer.AddParty();
        supervisor.Speaks = false;
        agent.SetInput(Constant(10));
        customer.SetInput(Constant(200));
        supervisor.SetInput(Constant(3000));

        mixer.Mix();

        Assert.Equal(210, supervisor.Output[0]);
        Assert.Equal(200, agent.Output[0]);
        Assert.Equal(10, customer.Output[0]);
    }

    [Fact]
    public void WhisperingParty_IsHeardByItsTargetOnly()
    {
        var mixer = new AudioMixer();
        var agent = mixer.AddParty();
        var customer = mixer.AddParty();
        var supervisor = mixer.AddParty();
        supervisor.WhisperTo = agent;
        agent.SetInput(Constant(10));
        customer.SetInput(Constant(200));
        supervisor.SetInput(Constant(3000));

        mixer.Mix();

        Assert.Equal(3200, agent.Output[0]);
        Assert.Equal(10, customer.Output[0]);
        Assert.Equal(210, supervisor.Output[0]);
    }

    [Fact]
    public void PartyWithoutInputThisFrame_ContributesSilence()
    {
        var mixer = new AudioMixer();
        var a = mixer.AddParty();
        var b = mixer.AddParty();
        a.SetInput(Constant(7));
        b.SetInput(Constant(9));
        mixer.Mix();

        a.SetInput(Constant(7));
        mixer.Mix();

        Assert.Equal(7, b.Output[0]);
        Assert.Equal(0, a.Output[0]);
    }

    [Fact]
    public void VectorAndScalarPaths_AgreeOnRandomAudio()
    {
        var mixer = new AudioMixer(163);
        var random = new Random(3);
        var parties = Enumerable.Range(0, 6).Select(_ => mixer.AddParty()).ToList();
        var inputs = parties.Select(_ => Enumerable.Range(0, 163).Select(_ => (short)random.Next(-20000, 20000)).ToArray()).ToList();
        for (var i = 0; i < parties.Count; i++)
        {
            parties[i].SetInput(inputs[i]);
        }

        mixer.Mix();

        for (var p = 0; p < parties.Count; p++)
        {
            for (var s = 0; s < 163; s++)
            {
                var expected = Math.Clamp(inputs.Where((_, i) => i != p).Sum(x => x[s]), short.MinValue, short.MaxValue);
                Assert.Equal(expected, parties[p].Output[s]);
            }
        }
    }

    [Fact]
    public void RemovedParty_IsNoLongerMixedAndWhisperToItIsCleared()
    {
        var mixer = new AudioMixer();
        var a = mixer.AddParty();
        var b = mixer.AddParty();
        var c = mixer.AddParty();
        c.WhisperTo = b;

        Assert.True(mixer.RemoveParty(b));

        Assert.Null(c.WhisperTo);
        Assert.Equal(2, mixer.PartyCount);
        _ = a;
    }
}
