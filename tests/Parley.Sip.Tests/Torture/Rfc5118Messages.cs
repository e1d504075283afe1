namespace Parley.Sip.Tests.Torture;

/// <summary>RFC 5118 §4: IPv6 torture cases, written for this suite from the RFC's descriptions.</summary>
public static class Rfc5118Messages
{
    public static TheoryData<string, string, int> Cases => new()
    {
        { "4.1 ipv6-good valid IPv6 reference", Ipv6Good, TortureOutcome.Accept },
        { "4.2 ipv6-bad IPv6 reference without brackets", Ipv6Bad, 400 },
        { "4.3 port-ambiguous port inside the brackets is part of the address", PortAmbiguous, TortureOutcome.Accept },
        { "4.4 port-unambiguous port after the brackets", PortUnambiguous, TortureOutcome.Accept },
        { "4.5 via-received-param-with-delim received with brackets", ViaReceivedWithDelim, TortureOutcome.Accept },
        { "4.5 via-received-param-no-delim received without brackets", ViaReceivedNoDelim, TortureOutcome.Accept },
        { "4.6 ipv6-in-sdp IPv6 addresses in SDP", Ipv6InSdp, TortureOutcome.Accept },
        { "4.7 mult-ip-in-sdp multiple IP addresses in SDP", MultIpInSdp, TortureOutcome.Accept },
        { "4.8 ipv4-mapped-ipv6 IPv4-mapped IPv6 address", Ipv4MappedIpv6, TortureOutcome.Accept },
        { "4.9 ipv6-bug-abnf-3-colons three colons in an IPv6 reference", ThreeColons, 400 },
        { "4.10 ipv6-correct-abnf-2-colons two colons", TwoColons, TortureOutcome.Accept },
        { "4.10 mult-ip-in-header IPv6 and IPv4 in headers", MultIpInHeader, TortureOutcome.Accept },
    };

    private const string Tail = """
        Max-Forwards: 70
        To: <sip:user@[2001:db8::10]>
        From: <sip:user@example.com>;tag=81x2
        Call-ID: SSG9559905523997077@hlau_4100
        Contact: "Caller" <sip:caller@[2001:db8::1]>
        Content-Length: 0


        """;

    public const string Ipv6Good = """
        REGISTER sip:[2001:db8::10] SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bKas3-111
        CSeq: 98176 REGISTER

        """ + Tail;

    public const string Ipv6Bad = """
        REGISTER sip:2001:db8::10 SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bKas3-111
        CSeq: 98176 REGISTER

        """ + Tail;

    public const string PortAmbiguous = """
        REGISTER sip:[2001:db8::10:5070] SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bKas3-111
        CSeq: 98176 REGISTER

        """ + Tail;

    public const string PortUnambiguous = """
        REGISTER sip:[2001:db8::10]:5070 SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1];branch=z9hG4bKas3-111
        CSeq: 98176 REGISTER

        """ + Tail;

    public const string ViaReceivedWithDelim = """
        BYE sip:[2001:db8::10] SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111;received=[2001:db8::9:255]
        CSeq: 98176 BYE

        """ + Tail;

    public const string ViaReceivedNoDelim = """
        OPTIONS sip:[2001:db8::10] SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1];received=2001:db8::9:255;branch=z9hG4bKas3
        CSeq: 98176 OPTIONS

        """ + Tail;

    private const string InviteHead = """
        INVITE sip:user@[2001:db8::10] SIP/2.0
        To: sip:user@[2001:db8::10]
        From: sip:user@example.com;tag=81x2
        Via: SIP/2.0/UDP [2001:db8::20];branch=z9hG4bKas3-111
        Call-ID: SSG9559905523997077@hlau_4100
        Contact: "Caller" <sip:caller@[2001:db8::20]>
        CSeq: 8612 INVITE
        Max-Forwards: 70
        Content-Type: application/sdp
        Content-Length: {len}


        """;

    public const string Ipv6InSdp = InviteHead + """
        v=0
        o=assistant 971731711378798081 0 IN IP6 2001:db8::20
        s=Live video feed
        c=IN IP6 2001:db8::20
        t=0 0
        m=audio 6000 RTP/AVP 0

        """;

    public const string MultIpInSdp = InviteHead + """
        v=0
        o=bob 280744730 28977631 IN IP4 host.example.com
        s=
        t=0 0
        m=audio 22334 RTP/AVP 0
        c=IN IP4 192.0.2.1
        m=video 6024 RTP/AVP 107
        c=IN IP6 2001:db8::1
        a=rtpmap:107 H263-1998/90000

        """;

    public static readonly string Ipv4MappedIpv6 = InviteHead.Replace("[2001:db8::20]", "[::ffff:192.0.2.10]", StringComparison.Ordinal) + """
        v=0
        o=assistant 971731711378798081 0 IN IP6 ::ffff:192.0.2.10
        s=Call me soon, please!
        c=IN IP6 ::ffff:192.0.2.10
        t=0 0
        m=audio 6000 RTP/AVP 0

        """;

    public const string ThreeColons = """
        OPTIONS sip:user@[2001:db8:::192.0.2.1] SIP/2.0
        To: sip:user@[2001:db8:::192.0.2.1]
        From: sip:user@example.com;tag=810x2
        Via: SIP/2.0/UDP lab1.east.example.com;branch=z9hG4bKas3-111
        Call-ID: G9559905523997077@hlau_4100
        CSeq: 689 OPTIONS
        Max-Forwards: 70
        Content-Length: 0


        """;

    public const string TwoColons = """
        OPTIONS sip:user@[2001:db8::192.0.2.1] SIP/2.0
        To: sip:user@[2001:db8::192.0.2.1]
        From: sip:user@example.com;tag=810x2
        Via: SIP/2.0/UDP lab1.east.example.com;branch=z9hG4bKas3-111
        Call-ID: G9559905523997077@hlau_4100
        CSeq: 689 OPTIONS
        Max-Forwards: 70
        Content-Length: 0


        """;

    public const string MultIpInHeader = """
        BYE sip:user@host.example.net SIP/2.0
        Via: SIP/2.0/UDP [2001:db8::9:1]:6050;branch=z9hG4bKas3-111
        Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKjhja8781hjuaij65144
        Via: SIP/2.0/TCP [2001:db8::9:255];branch=z9hG4bK451jj;received=192.0.2.200
        Call-ID: 997077@lau_4100
        Max-Forwards: 70
        CSeq: 89187 BYE
        To: sip:user@example.net;tag=9817--94
        From: sip:user@example.com;tag=81x2
        Content-Length: 0


        """;
}
