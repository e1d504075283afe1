using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Parley.Flows.Execution;
using Parley.Speech;
using Parley.Speech.Recognition;
using Parley.Speech.Recognition.PocketSphinx;
using Parley.Voice.Ivr;
using Parley.Voice.Tests.Ivr.Support;

namespace Parley.Voice.Tests.Ivr;

public sealed class VoiceFlowHostTests : IAsyncDisposable
{
    private static readonly PlayPrompt Prompt = new("Hello.", null, "en-us", "en-us");
    private readonly MediaPair _pair = MediaPair.Start();
    private readonly List<FlowAction> _transfers = [];

    public async ValueTask DisposeAsync() => await _pair.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private VoiceFlowHost Host(ToneCallAudio audio, ISpeechToText? speech = null, IFlowHttpClient? http = null) =>
        new(_pair.Parley, Guid.NewGuid(), audio, speech ?? new PocketSphinxSpeechToText(new SpeechOptions()),
            http ?? new StubFlowHttpClient(new HttpResultInput(200, "{}")),
            (action, _) =>
            {
                lock (_transfers)
                {
                    _transfers.Add(action);
                }

                return ValueTask.FromResult(FlowInput.PromptFinished);
            },
            TimeProvider.System, NullLogger<VoiceFlowHost>.Instance);

    private Task PressWhenThePromptIsHeardAsync(string digits) => Task.Run(async () =>
    {
        await MediaPair.WaitUntilAsync(() => _pair.LoudFrames > 3);
        Assert.True(_pair.Caller.SendDigits(digits));
    }, Ct);

    [Fact]
    public async Task APlayAction_PlaysThePromptToTheCaller_ThenAnswersPromptFinished()
    {
        using var host = Host(new ToneCallAudio { PromptLength = TimeSpan.FromMilliseconds(400) });

        var input = await host.PerformAsync(new PlayAction([Prompt, Prompt], BargeIn: false), Ct);

        Assert.IsType<PromptFinishedInput>(input);
        await MediaPair.WaitUntilAsync(() => _pair.LoudFrames >= 35); // two 400 ms prompts = 40 frames with energy
    }

    [Fact]
    public async Task AKeyPressedWhileTheMenuSpeaks_BargesIn_AndSelectsItsBranch()
    {
        var audio = new ToneCallAudio { PromptLength = TimeSpan.FromSeconds(10) };
        using var host = Host(audio);
        var flow = TestFlows.Menu(timeoutSeconds: 5);
        var started = Stopwatch.GetTimestamp();

        var press = PressWhenThePromptIsHeardAsync("2");
        var final = await TestFlows.Runner.RunAsync(flow, TestFlows.Start(flow), host, null, Ct);
        await press;

        Assert.Equal("Support", Assert.IsType<TransferToQueueAction>(final).Queue);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(3)); // the 10 s prompt was cut short
        Assert.Single(_transfers);
    }

    [Fact]
    public async Task AKeySentAsSipInfo_SelectsTheMenuBranch()
    {
        using var host = Host(new ToneCallAudio());
        var flow = TestFlows.Menu(timeoutSeconds: 3);

        var run = TestFlows.Runner.RunAsync(flow, TestFlows.Start(flow), host, null, Ct).AsTask();
        await MediaPair.WaitUntilAsync(() => _pair.LoudFrames > 3);
        Assert.True(_pair.Parley.HandleDtmfRelay("Signal=1\r\nDuration=160\r\n"));

        Assert.Equal("Sales", Assert.IsType<TransferToQueueAction>(await run).Queue);
    }

    [Fact]
    public async Task CollectingDigits_EndsOnTheTerminator_WithoutWaitingForTheInterDigitTimeout()
    {
        using var host = Host(new ToneCallAudio());
        var flow = TestFlows.Collect(timeoutSeconds: 5, interDigitSeconds: 4);
        var state = TestFlows.Start(flow);

        var press = PressWhenThePromptIsHeardAsync("123#");
        var started = Stopwatch.GetTimestamp();
        var final = await TestFlows.Runner.RunAsync(flow, state, host, null, Ct);
        await press;

        Assert.Equal("Done", Assert.IsType<TransferToQueueAction>(final).Queue);
        Assert.Equal("123", state.Variables["account"]);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.Zero, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task CollectingDigits_EndsWhenTheCallerPausesLongerThanTheInterDigitTimeout()
    {
        using var host = Host(new ToneCallAudio());
        var flow = TestFlows.Collect(timeoutSeconds: 5, interDigitSeconds: 0.5);
        var state = TestFlows.Start(flow);

        var press = PressWhenThePromptIsHeardAsync("12");
        var final = await TestFlows.Runner.RunAsync(flow, state, host, null, Ct);
        await press;

        Assert.Equal("Done", Assert.IsType<TransferToQueueAction>(final).Queue);
        Assert.Equal("12", state.Variables["account"]);
    }

    [Fact]
    public async Task ACallerWhoPressesNothing_TakesTheNoInputPathAfterTheTimeout()
    {
        using var host = Host(new ToneCallAudio { PromptLength = TimeSpan.FromMilliseconds(200) });
        var flow = TestFlows.Menu(timeoutSeconds: 0.5);
        var started = Stopwatch.GetTimestamp();

        var final = await TestFlows.Runner.RunAsync(flow, TestFlows.Start(flow), host, null, Ct);

        Assert.Equal("NoInput", Assert.IsType<TransferToQueueAction>(final).Queue);
        Assert.InRange(Stopwatch.GetElapsedTime(started), TimeSpan.FromMilliseconds(650), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task KeysPressedDuringAPromptWithoutBargeIn_AreDiscarded()
    {
        using var host = Host(new ToneCallAudio { PromptLength = TimeSpan.FromMilliseconds(800) });

        var press = PressWhenThePromptIsHeardAsync("5");
        await host.PerformAsync(new PlayAction([Prompt], BargeIn: false), Ct);
        await press;
        Assert.Equal(1, _pair.Parley.GetStatistics().DigitsReceived);
        var input = await host.PerformAsync(
            new GatherAction([], true, TimeSpan.FromMilliseconds(300), 1, null, TimeSpan.FromSeconds(1), [], null), Ct);

        Assert.IsType<TimeoutInput>(input);
    }

    [Fact]
    public async Task AKeyThatBargedIntoAPlay_IsTheFirstKeyOfTheNextGather()
    {
        using var host = Host(new ToneCallAudio { PromptLength = TimeSpan.FromSeconds(10) });

        var press = PressWhenThePromptIsHeardAsync("7");
        Assert.IsType<PromptFinishedInput>(await host.PerformAsync(new PlayAction([Prompt, Prompt], BargeIn: true), Ct));
        await press;
        var input = await host.PerformAsync(
            new GatherAction([Prompt], true, TimeSpan.FromSeconds(3), 1, null, TimeSpan.FromSeconds(1), [], null), Ct);

        Assert.Equal("7", Assert.IsType<DigitsInput>(input).Digits);
    }

    [Fact]
    public async Task AnHttpRequest_GoesToTheFlowHttpClient_AndItsAnswerIsTheInput()
    {
        var http = new StubFlowHttpClient(new HttpResultInput(200, """{"tier":"gold"}"""));
        using var host = Host(new ToneCallAudio(), http: http);
        var request = new HttpRequestAction("GET", "https://crm.example.com/customers/1", null, TimeSpan.FromSeconds(2));

        var input = await host.PerformAsync(request, Ct);

        Assert.Equal(200, Assert.IsType<HttpResultInput>(input).StatusCode);
        Assert.Equal(request, Assert.Single(http.Requests));
    }

    [Fact]
    public async Task TheWordSupportSpokenByTheCaller_SelectsTheSupportBranch()
    {
        SpeechEngines.RequireEspeak();
        using var stt = await SpeechEngines.StartPocketSphinxAsync();
        using var tts = new Parley.Speech.TextToSpeech.Espeak.EspeakTextToSpeech(new SpeechOptions());
        var word = await tts.SynthesizeAsync("support", "en-us", Ct);
        using var host = Host(new ToneCallAudio { PromptLength = TimeSpan.FromMilliseconds(200) }, stt);
        var flow = TestFlows.Menu(timeoutSeconds: 5, speech: true);

        // The caller waits for the short prompt to end, then speaks (silence is sent before and after the word).
        var spoken = new short[4000 + word.Samples.Length];
        word.Samples.CopyTo(spoken, 4000);
        var speak = Task.Run(async () =>
        {
            await MediaPair.WaitUntilAsync(() => _pair.Parley.AudioReceived is not null);
            _pair.Caller.Play(new Parley.Media.Audio.WavPlayback(spoken));
        }, Ct);
        var final = await TestFlows.Runner.RunAsync(flow, TestFlows.Start(flow), host, null, Ct);
        await speak;

        Assert.Equal("Support", Assert.IsType<TransferToQueueAction>(final).Queue);
    }

    [Fact]
    public async Task HangingUpDuringAGather_StopsAtOnce_AndFreesTheRecogniser()
    {
        using var stt = await SpeechEngines.StartPocketSphinxAsync(decoders: 1);
        using var host = Host(new ToneCallAudio { PromptLength = TimeSpan.FromMilliseconds(200) }, stt);
        using var hangUp = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var gather = new GatherAction([Prompt], true, TimeSpan.FromSeconds(30), 1, null, TimeSpan.FromSeconds(3), ["sales", "support"], "en-US");

        var running = host.PerformAsync(gather, hangUp.Token).AsTask();
        await MediaPair.WaitUntilAsync(() => _pair.Parley.AudioReceived is not null); // listening to the caller
        var cancelled = Stopwatch.GetTimestamp();
        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.InRange(Stopwatch.GetElapsedTime(cancelled), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Null(_pair.Parley.AudioReceived);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await using var next = await stt.StartAsync(new RecognitionRequest(["yes"]), limit.Token); // the only decoder is free again
    }
}
