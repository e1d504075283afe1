namespace Parley.Sip.Tests.Torture;

/// <summary>RFC 4475 §3.1.1: syntactically valid messages, written for this suite from the RFC's descriptions.</summary>
public static class Rfc4475ValidMessages
{
    public static TheoryData<string, string, int> Cases => new()
    {
        { "3.1.1.1 wsinv short tortuous INVITE", WsInv, TortureOutcome.Accept },
        { "3.1.1.2 intmeth wide range of valid characters", IntMeth, 501 },
        { "3.1.1.3 esc01 valid % escaping", Esc01, TortureOutcome.Accept },
        { "3.1.1.4 escnull escaped nulls", EscNull, TortureOutcome.Accept },
        { "3.1.1.5 esc02 % that is not an escape (unknown method)", Esc02, 501 },
        { "3.1.1.6 lwsdisp no LWS between display name and <", LwsDisp, TortureOutcome.Accept },
        { "3.1.1.7 longreq long values", LongReq, TortureOutcome.Accept },
        { "3.1.1.9 semiuri ; in user part", SemiUri, TortureOutcome.Accept },
        { "3.1.1.10 transports varied and unknown", Transports, TortureOutcome.Accept },
        { "3.1.1.11 mpart01 multipart body (MESSAGE is not implemented)", Mpart01, 501 },
        { "3.1.1.12 unreason unusual reason phrase", Unreason, TortureOutcome.Accept },
        { "3.1.1.13 noreason empty reason phrase", NoReason, TortureOutcome.Accept },
    };

    public const string WsInv = """
        INVITE sip:vivekg@chair-dnrc.example.com;unknownparam SIP/2.0
        TO :
         sip:vivekg@chair-dnrc.example.com ;   tag    = 1918181833n
        from   : "J Rosenberg \\\""       <sip:jdrosen@example.com>
          ;
          tag = 98asjd8
        MaX-fOrWaRdS: 0068
        Call-ID: wsinv.ndaksdj@192.0.2.1
        Content-Length   : {len}
        cseq: 0009
          INVITE
        Via  : SIP  /   2.0
         /UDP
            192.0.2.2;branch=390skdjuw
        s :
        NewFangledHeader:   newfangled value
         continued newfangled value
        UnknownHeaderWithUnusualValue: ;;,,;;,;
        Content-Type: application/sdp
        Route:
         <sip:services.example.com;lr;unknownwith=value;unknown-no-value>
        v:  SIP  / 2.0  / TCP     spindle.example.com   ;
          branch  =   z9hG4bK9ikj8  ,
         SIP  /    2.0   / UDP  192.168.255.111   ; branch=
         z9hG4bK30239
        m:"Quoted string \"\"" <sip:jdrosen@example.com> ; newparam =
              newvalue ;
          secondparam ; q = 0.33

        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.3
        s=-
        c=IN IP4 192.0.2.4
        t=0 0
        m=audio 49217 RTP/AVP 0 12
        m=video 3227 RTP/AVP 31
        a=rtpmap:31 LPC

        """;

    // A request with a method name made of every token character; Parley does not implement it, so 501.
    public static readonly string IntMeth = $$"""
        !interesting-Method0123456789_*+`.%indeed'~ sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com SIP/2.0
        Via: SIP/2.0/TCP host1.example.com;branch=z9hG4bK-.!%66*_+`'~
        To: "BEL:\{{"\u0007"}} NUL:\{{"\u0000"}} DEL:\{{"\u007F"}}" <sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*@example.com>
        From: token1~` token2'+_ token3*%!.- <sip:mundane@example.com>;fromParam''~+*_!.-%="работающий";tag=_token~1'+`*%!-.
        Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\/"][?}{
        CSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~
        Max-Forwards: 255
        extensionHeader-!.%*+_`'~:﻿大停電
        Content-Length: 0


        """;

    public const string Esc01 = """
        INVITE sip:sips%3Auser%40example.com@example.net SIP/2.0
        To: sip:%75se%72@example.com
        From: <sip:I%20have%20spaces@example.net>;tag=938
        Max-Forwards: 87
        i: esc01.239409asdfakjkn23onasd0-3234
        CSeq: 234234 INVITE
        Via: SIP/2.0/UDP host5.example.net;branch=z9hG4bKkdjuw
        C: application/sdp
        Contact:
          <sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>
        Content-Length: {len}

        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.1
        s=-
        c=IN IP4 192.0.2.1
        t=0 0
        m=audio 49217 RTP/AVP 0

        """;

    public const string EscNull = """
        REGISTER sip:example.com SIP/2.0
        To: sip:null-%00-null@example.com
        From: sip:null-%00-null@example.com;tag=839923423
        Max-Forwards: 70
        Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd
        CSeq: 14398234 REGISTER
        Via: SIP/2.0/UDP host5.example.com;branch=z9hG4bKkdjuw
        Contact: <sip:%00@host5.example.com>
        Contact: <sip:%00%00@host5.example.com>
        L:0


        """;

    public const string Esc02 = """
        RE%47IST%45R sip:registrar.example.com SIP/2.0
        To: "%Z%45" <sip:resource@example.com>
        From: "%Z%45" <sip:resource@example.com>;tag=f232jadfj23
        Call-ID: esc02.asdfnqwo34rq23i34jrjasdcnl23nrlknsdf
        Via: SIP/2.0/TCP host.example.com;branch=z9hG4bK209%fzsnel234
        CSeq: 29344 RE%47IST%45R
        Max-Forwards: 70
        Contact: <sip:alias1@host1.example.com>
        C%6Fntact: <sip:alias2@host2.example.com>
        Contact: <sip:alias3@host3.example.com>
        l: 0


        """;

    public const string LwsDisp = """
        OPTIONS sip:user@example.com SIP/2.0
        To: sip:user@example.com
        From: caller<sip:caller@example.com>;tag=323
        Max-Forwards: 70
        Call-ID: lwsdisp.1234abcd@funky.example.com
        CSeq: 60 OPTIONS
        Via: SIP/2.0/UDP funky.example.com;branch=z9hG4bKkdjuw
        l: 0


        """;

    public static readonly string LongReq = $"""
        INVITE sip:user@example.com SIP/2.0
        To: "I have a user name of {new string('e', 90)} proportion" <sip:user@example.com:6000;unknownparam1=very{new string('y', 200)}longvalue;longparam{new string('m', 100)}name=shortvalue;very{new string('e', 150)}longParamNameWithNoValue>;tag=1{new string('2', 60)}
        F: sip:{new string('a', 100)}@example.com;tag=12982424{new string('3', 40)}
        Call-ID: longreq.one{new string('r', 300)}
        Max-Forwards: 70
        Via: SIP/2.0/TCP sip33.example.com
        v: SIP/2.0/TCP sip32.example.com
        V: SIP/2.0/TCP sip31.example.com;branch=z9hG4bK{new string('v', 200)}
        Via: SIP/2.0/TCP sip30.example.com,SIP/2.0/TCP sip29.example.com,SIP/2.0/TCP sip28.example.com,SIP/2.0/TCP sip27.example.com
        CSeq: 3882340 INVITE
        Unknown-{new string('L', 200)}ong-Name: unknown-{new string('l', 200)}ong-value; unknown-{new string('l', 100)}ong-parameter-name = unknown-{new string('l', 100)}ong-parameter-value
        Via: SIP/2.0/TCP sip26.example.com;branch=z9hG4bK{new string('l', 150)}
        Contact: <sip:amazinglylongcallername{new string('n', 120)}@host5.example.net>
        Content-Type: application/sdp
        l: {"{len}"}

        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.1
        s=-
        c=IN IP4 192.0.2.1
        t=0 0
        m=audio 49217 RTP/AVP 0

        """;

    public const string SemiUri = """
        OPTIONS sip:user;par=u%40example.net@example.com SIP/2.0
        To: sip:j_user@example.com
        From: sip:caller@example.org;tag=33242
        Max-Forwards: 3
        Call-ID: semiuri.0ha0isndaksdj
        CSeq: 8 OPTIONS
        Accept: application/sdp, application/pkcs7-mime,
                multipart/mixed, multipart/signed,
                message/sip, message/sipfrag
        Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKkdjuw
        l: 0


        """;

    public const string Transports = """
        OPTIONS sip:user@example.com SIP/2.0
        To: sip:user@example.com
        From: <sip:caller@example.com>;tag=323
        Max-Forwards: 70
        Call-ID:  transports.kijh4akdnaqjkwendsasfdj
        Accept: application/sdp
        CSeq: 60 OPTIONS
        Via: SIP/2.0/UDP t1.example.com;branch=z9hG4bKkdjuw
        Via: SIP/2.0/SCTP t2.example.com;branch=z9hG4bKklasjdhf
        Via: SIP/2.0/TLS t3.example.com;branch=z9hG4bK2980unddj
        Via: SIP/2.0/UNKNOWN t4.example.com;branch=z9hG4bKasd0f3en
        Via: SIP/2.0/TCP t5.example.com;branch=z9hG4bK0a9idfnee
        l: 0


        """;

    public const string Mpart01 = """
        MESSAGE sip:kumiko@example.org SIP/2.0
        Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-d87543-4dade06d0bdb11ee-1--d87543-;rport
        Max-Forwards: 70
        Route: <sip:127.0.0.1:5080;lr>
        Identity: r5mwreLuyDRYBi/0TiPwEsY3rEVsk/G2WxhgTV1PF7hHuL
        Contact: <sip:fluffy@127.0.0.1:5070>
        To: <sip:kumiko@example.org>
        From: <sip:fluffy@example.com>;tag=2fb0dcc9
        Call-ID: 3d9485ad0c49859b@Zmx1ZmZ5LW1hYy0xNi5sb2NhbA..
        CSeq: 1 MESSAGE
        Content-Transfer-Encoding: binary
        Content-Type: multipart/mixed;boundary=7a9cbec02ceef655
        Date: Sat, 15 Oct 2005 04:44:56 GMT
        User-Agent: SIPimp.org/0.2.5 (curses)
        Content-Length: {len}

        --7a9cbec02ceef655
        Content-Type: text/plain
        Content-Transfer-Encoding: binary

        Hello
        --7a9cbec02ceef655
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: binary

        0\x82R\x06\t*\x86H\x86\xf7
        --7a9cbec02ceef655--

        """;

    public const string Unreason = """
        SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять - простое
        Via: SIP/2.0/UDP 192.0.2.198;branch=z9hG4bK1324923
        Call-ID: unreason.1234ksdfak3j2erwedfsASdf
        CSeq: 35 INVITE
        From: sip:user@example.com;tag=11141343
        To: sip:user@example.edu;tag=2229
        Content-Type: application/sdp
        l: {len}
        m: <sip:user@192.0.2.198>

        v=0
        o=mhandley 29739 7272939 IN IP4 192.0.2.198
        s=-
        c=IN IP4 192.0.2.198
        t=0 0
        m=audio 49217 RTP/AVP 0

        """;

    public const string NoReason = """
        SIP/2.0 100 
        Via: SIP/2.0/UDP 192.0.2.105;branch=z9hG4bK2398ndaoe
        Call-ID: noreason.asndj203insdf99223ndf
        CSeq: 35 INVITE
        From: <sip:user@example.com>;tag=39ansfi3
        To: <sip:user@example.edu>;tag=902jndnke3
        Content-Length: 0
        Contact: <sip:user@host105.example.com>


        """;
}
