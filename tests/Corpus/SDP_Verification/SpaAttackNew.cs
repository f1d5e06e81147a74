using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.SDP_Verification;

/// <summary>
/// The improved SDP architecture (SDP_Attack_New_Solution_Spec/SPA_Attack_New.tla) with its model
/// SDP_Attack_New_Solution_Spec/MC.cfg: the SPA message carries the exact data connection
/// (client IP and port), the controller installs 4-tuple rules only, and the user retransmits a
/// dropped SYN. The attacker shares the user's public IP through NAT and still cannot reach the server.
/// </summary>
[StateMachine(CheckStuck = false)]
public partial class SpaAttackNew
{
    // ---------------------------------------------------------------- model constants (MC.tla)

    static readonly ClientConfig ClientCfg = new(LoginID: 1, Key: 44, SrcIp: 11);
    static readonly Endpoint SDPSvrCfg = new(IP: 12, Port: 8000);
    static readonly Endpoint SvrCfg = new(IP: 22, Port: 80);
    const int AttackerSrcIp = 11;
    const int MatchAny = 65536;
    const int UserBasePort = 1024;
    const int AttackerBasePort = 2024;
    const bool NatFlag = true;
    const int UnknownAuthId = 65535;

    // ---------------------------------------------------------------- types

    public enum UserState { StartAuth, AuthEndConnecting, AuthEndReconnecting, Connected }

    public enum Origin { User, Attacker }

    public enum TcpFlag { TcpSyn, TcpSynAck, TcpAck }

    public enum LinkState { SynSent, SynRcvd, Established }

    public sealed record ClientConfig(int LoginID, int Key, int SrcIp);

    public sealed record Endpoint(int IP, int Port);

    public sealed record UserAccount(int ClientID, int Key);

    /// <summary>Anything with a source and destination address (packets, messages, TCP control blocks).</summary>
    public interface IAddressed
    {
        int SIP { get; }
        int SPort { get; }
        int DIP { get; }
        int DPort { get; }
    }

    public abstract record Message(int SIP, int SPort, int DIP, int DPort, Origin Type) : IAddressed;

    /// <summary>
    /// An enhanced single packet authorization message (MsgID "SPA_AUTH"): CliIP and CliPort carry the
    /// (encrypted) source of the data connection it authorizes.
    /// </summary>
    public sealed record SpaMessage(
        int SIP, int SPort, int DIP, int DPort,
        int ClientID, int Tstamp, int CliIP, int CliPort, int SvrIP, int SvrPort, int HMAC,
        Origin Type) : Message(SIP, SPort, DIP, DPort, Type)
    {
        public string MsgID => "SPA_AUTH";
    }

    /// <summary>A data-plane TCP handshake packet.</summary>
    public sealed record TcpPacket(int SIP, int SPort, int DIP, int DPort, TcpFlag Flg, Origin Type)
        : Message(SIP, SPort, DIP, DPort, Type);

    /// <summary>The user's TCP control block; Retrans records that its SYN was retransmitted.</summary>
    public sealed record ClientLink(int SIP, int SPort, int DIP, int DPort, LinkState State, bool Retrans) : IAddressed;

    public sealed record AttackerLink(int SIP, int SPort, int DIP, int DPort, LinkState State, int AuthID) : IAddressed;

    public sealed record ServerLink(int SIP, int SPort, int DIP, int DPort, Origin Type, LinkState State) : IAddressed;

    public sealed record AclRule(int SIP, int SPort, int DIP, int DPort, string Protocol = "TCP", string Action = "Accept");

    public sealed record FwInstruction(AclRule Rule, string Op);

    // ---------------------------------------------------------------- legitimate user

    UserState uState = UserState.StartAuth;
    int uIP = ClientCfg.SrcIp;
    int uID = ClientCfg.LoginID;
    int key = ClientCfg.Key;
    int uTstamp;
    Endpoint uSDPSvrInfo = new(SDPSvrCfg.IP, SDPSvrCfg.Port);
    Endpoint uSvrInfo = new(SvrCfg.IP, SvrCfg.Port);
    readonly HashSet<ClientLink> uTCPLinkSet = [];
    readonly HashSet<SpaMessage> uAuthSession = [];
    readonly List<TcpPacket> uChannel = [];

    // ---------------------------------------------------------------- SDP controller

    string sdpSvrState = "Work";
    readonly HashSet<SpaMessage> sdpSucSession = [];
    readonly HashSet<UserAccount> account = [new UserAccount(ClientCfg.LoginID, ClientCfg.Key)];
    Endpoint sdpSvrInfo = new(SDPSvrCfg.IP, SDPSvrCfg.Port);
    int replayCount;
    int spoofCount;
    readonly HashSet<SpaMessage> replaySession = [];
    readonly HashSet<SpaMessage> spoofSession = [];
    readonly List<SpaMessage> authChannel = [];

    // ---------------------------------------------------------------- firewall

    string fwState = "Work";
    readonly HashSet<AclRule> aclRuleSet = [];
    readonly HashSet<AclRule> agedRuleSet = [];
    readonly HashSet<TcpPacket> dropPackets = [];
    readonly List<FwInstruction> fwCtlChannel = [];
    readonly List<TcpPacket> fwDataChannel = [];

    // ---------------------------------------------------------------- attacker

    string aState = "Listen";
    readonly HashSet<SpaMessage> authKnowledge = [];
    readonly HashSet<SpaMessage> aSession = [];
    readonly HashSet<AttackerLink> aTCPLinkSet = [];
    int sniffCount;
    readonly HashSet<SpaMessage> capAuthMsg = [];
    int aCounter;
    int aIP = AttackerSrcIp;
    // Holds captured data packets, but AttackerProbeSvr (as written in the spec) refills it from AuthKnowledge.
    HashSet<Message> dataKnowledge = [];
    readonly HashSet<TcpPacket> capDataMsg = [];
    readonly List<TcpPacket> aChannel = [];

    // ---------------------------------------------------------------- target server

    string sState = "Listen";
    readonly HashSet<ServerLink> sTCPLinkSet = [];
    Endpoint sSvrInfo = new(SvrCfg.IP, SvrCfg.Port);
    readonly List<TcpPacket> sChannel = [];

    // ---------------------------------------------------------------- helpers

    /// <summary>CHOOSE x \in (count + base)..(100 + base) : TRUE, i.e. the lowest port of the range.</summary>
    static int SelLocalPort(int count, int basePort) =>
        count <= 100 ? count + basePort : throw new InvalidOperationException("CHOOSE from an empty port range");

    /// <summary>Symmetric "encryption": XOR with the key.</summary>
    static int Encrypt(int d, int k) => d ^ k;

    static int Decrypt(int d, int k) => Encrypt(d, k);

    static int CalcHMAC(int n1, int n2, int n3, int n4, int n5, int n6, int n7, int k) =>
        Encrypt(n1 + n2 + n3 + n4 + n5 + n6 + n7, k);

    /// <summary>
    /// CHOOSE x \in set : p(x). Every CHOOSE of this spec is over at most one candidate in the reachable
    /// states, so the first match is TLC's choice.
    /// </summary>
    static T Choose<T>(IEnumerable<T> set, Func<T, bool> p) => set.First(p);

    static bool IsReplyTo(IAddressed p, IAddressed link) =>
        p.SIP == link.DIP && p.SPort == link.DPort && p.DIP == link.SIP && p.DPort == link.SPort;

    static bool HasMatchLink<TLink>(IAddressed p, IEnumerable<TLink> links) where TLink : IAddressed =>
        links.Any(x => IsReplyTo(p, x));

    static TLink GetMatchLink<TLink>(IAddressed p, IEnumerable<TLink> links) where TLink : IAddressed =>
        Choose(links, x => IsReplyTo(p, x));

    static TcpPacket EndPointBuildTcpAckPkt(TcpPacket p, Origin t) =>
        new(SIP: p.DIP, SPort: p.DPort, DIP: p.SIP, DPort: p.SPort, Flg: TcpFlag.TcpAck, Type: t);

    /// <summary>SelectSeq(channel, LAMBDA x : x.Type = "User").</summary>
    static List<T> PureChannel<T>(List<T> channel) where T : Message =>
        channel.Where(x => x.Type == Origin.User).ToList();

    // ---------------------------------------------------------------- user actions

    TcpPacket UsrBuildTcpSynPkt() =>
        new(SIP: uIP, SPort: SelLocalPort(uTstamp, UserBasePort) + 1, DIP: uSvrInfo.IP, DPort: uSvrInfo.Port,
            Flg: TcpFlag.TcpSyn, Type: Origin.User);

    /// <summary>
    /// Action 1: the user sends the enhanced SPA message and, in the same step, the SYN of the data
    /// connection it authorizes.
    /// </summary>
    [Action]
    void UsrConnectServerEnhance()
    {
        Require(uState == UserState.StartAuth);
        Require(uTCPLinkSet.Count == 0);
        var syn = UsrBuildTcpSynPkt();
        int cliIp = Encrypt(uIP, key);
        int cliPort = Encrypt(SelLocalPort(uTstamp, UserBasePort) + 1, key);
        int svrIp = Encrypt(uSvrInfo.IP, key);
        int svrPort = Encrypt(uSvrInfo.Port, key);
        authChannel.Add(new SpaMessage(
            SIP: uIP,
            SPort: SelLocalPort(uTstamp, UserBasePort),
            DIP: uSDPSvrInfo.IP,
            DPort: uSDPSvrInfo.Port,
            ClientID: uID,
            Tstamp: uTstamp,
            CliIP: cliIp,
            CliPort: cliPort,
            SvrIP: svrIp,
            SvrPort: svrPort,
            HMAC: CalcHMAC(uIP, uID, uTstamp, Encrypt(uIP, key), Encrypt(SelLocalPort(uTstamp + 1, UserBasePort), key),
                           svrIp, svrPort, key),
            Type: Origin.User));
        uState = UserState.AuthEndConnecting;
        uTstamp++;
        uAuthSession.Add(authChannel[0]); // Head(AuthChannel')
        uTCPLinkSet.Add(new ClientLink(syn.SIP, syn.SPort, syn.DIP, syn.DPort, LinkState.SynSent, Retrans: false));
        fwDataChannel.Add(syn);
    }

    /// <summary>Action 2: the user receives SYN_ACK from the server; the connection is established.</summary>
    [Action]
    void UsrRcvSynAck()
    {
        Require(uState is UserState.AuthEndConnecting or UserState.AuthEndReconnecting);
        Require(uTCPLinkSet.Count > 0);
        Require(uChannel.Count > 0);
        var head = uChannel[0];
        Require(head.Flg == TcpFlag.TcpSynAck);
        Require(head.Type == Origin.User);
        Require(HasMatchLink(head, uTCPLinkSet));
        var l = GetMatchLink(head, uTCPLinkSet);
        uTCPLinkSet.Remove(l);
        uTCPLinkSet.Add(l with { State = LinkState.Established });
        uState = UserState.Connected;
        uChannel.RemoveAt(0);
        fwDataChannel.Add(EndPointBuildTcpAckPkt(head, Origin.User));
    }

    static bool TcpLnkHasMatchAcl(IAddressed l, IEnumerable<AclRule> acl) =>
        acl.Any(r => r.SIP == l.SIP && r.SPort == l.SPort && r.DIP == l.DIP && r.DPort == l.DPort && r.Action == "Accept");

    bool WithDropPkts(IAddressed x) =>
        dropPackets.Any(p => p.SIP == x.SIP && p.SPort == x.SPort && p.DIP == x.DIP && p.DPort == x.DPort);

    bool IsSynTimedOut(ClientLink x) => x.State == LinkState.SynSent && WithDropPkts(x);

    /// <summary>
    /// Action 3: the user's first SYN was dropped (the rule was not there yet); once the rule is
    /// installed, the user retransmits the SYN.
    /// </summary>
    [Action]
    void UsrReConnectServer()
    {
        Require(uState == UserState.AuthEndConnecting);
        Require(uTCPLinkSet.Count > 0);
        Require(uTCPLinkSet.Any(IsSynTimedOut));
        var l = Choose(uTCPLinkSet, IsSynTimedOut);
        Require(TcpLnkHasMatchAcl(l, aclRuleSet));
        uState = UserState.AuthEndReconnecting;
        fwDataChannel.Add(new TcpPacket(l.SIP, l.SPort, l.DIP, l.DPort, TcpFlag.TcpSyn, Origin.User));
        uTCPLinkSet.Remove(l);
        uTCPLinkSet.Add(l with { Retrans = true });
    }

    // ---------------------------------------------------------------- SDP controller actions

    static bool FindAntiReplay(SpaMessage msg, IEnumerable<SpaMessage> window) =>
        window.Any(r => msg.ClientID == r.ClientID && msg.Tstamp == r.Tstamp);

    static bool SpaProcAuth(SpaMessage msg, IEnumerable<UserAccount> accounts) =>
        accounts.Any(a => a.ClientID == msg.ClientID
                          && CalcHMAC(msg.SIP, msg.ClientID, msg.Tstamp, msg.CliIP, msg.CliPort, msg.SvrIP, msg.SvrPort, a.Key)
                             == msg.HMAC);

    static int GetKey(int id, IEnumerable<UserAccount> accounts) => Choose(accounts, a => a.ClientID == id).Key;

    /// <summary>
    /// Action 4: the controller processes an enhanced SPA message (replay, spoof, or a genuine request,
    /// which installs a 4-tuple rule for exactly the announced data connection).
    /// </summary>
    [Action]
    void SDPSvrProcSpaAuthEx()
    {
        Require(sdpSvrState == "Work");
        Require(authChannel.Count > 0);
        var msg = authChannel[0];
        Require(msg.MsgID == "SPA_AUTH");
        Require(msg.DIP == sdpSvrInfo.IP);
        Require(msg.DPort == sdpSvrInfo.Port);
        authChannel.RemoveAt(0);

        if (FindAntiReplay(msg, sdpSucSession))
        {
            replayCount++;
            replaySession.Add(msg);
        }
        else if (!SpaProcAuth(msg, account))
        {
            spoofCount++;
            spoofSession.Add(msg);
        }
        else
        {
            int k = GetKey(msg.ClientID, account);
            var rule = new AclRule(
                SIP: Decrypt(msg.CliIP, k),
                SPort: Decrypt(msg.CliPort, k),
                DIP: Decrypt(msg.SvrIP, k),
                DPort: Decrypt(msg.SvrPort, k));
            fwCtlChannel.Add(new FwInstruction(rule, "Add"));
            sdpSucSession.Add(msg);
        }
    }

    // ---------------------------------------------------------------- firewall actions

    /// <summary>Action 5: the firewall installs a rule sent by the controller.</summary>
    [Action]
    void FwProcAclCfg()
    {
        Require(fwState == "Work");
        Require(fwCtlChannel.Count > 0);
        Require(fwCtlChannel[0].Op == "Add");
        aclRuleSet.Add(fwCtlChannel[0].Rule);
        fwCtlChannel.RemoveAt(0);
    }

    static bool AclMatch4Tuple(IAddressed p, IEnumerable<AclRule> acl) =>
        acl.Any(r => p.SIP == r.SIP && p.DIP == r.DIP && r.SPort != MatchAny && r.SPort == p.SPort
                     && p.DPort == r.DPort && r.Action == "Accept");

    /// <summary>Action 6: the firewall passes packets matching a 4-tuple rule and drops the rest.</summary>
    [Action]
    void FwProcEndPointAccessEx()
    {
        Require(fwState == "Work");
        Require(fwDataChannel.Count > 0);
        var p = fwDataChannel[0];
        Require(p.Flg is TcpFlag.TcpSyn or TcpFlag.TcpAck);
        fwDataChannel.RemoveAt(0);

        if (AclMatch4Tuple(p, aclRuleSet))
            sChannel.Add(p);
        else
            dropPackets.Add(p);
    }

    // ---------------------------------------------------------------- server actions

    static bool NewLink(TcpPacket p, IEnumerable<ServerLink> links) =>
        links.All(x => x.SIP != p.SIP || x.DIP != p.DIP || x.SPort != p.SPort || x.DPort != p.DPort);

    /// <summary>Action 7: the server receives a SYN and answers SYN_ACK straight to the client.</summary>
    [Action]
    void ServerRcvTCPSyn()
    {
        Require(sState == "Listen");
        Require(sChannel.Count > 0);
        var p = sChannel[0];
        Require(p.Flg == TcpFlag.TcpSyn);
        Require(p.DIP == sSvrInfo.IP);
        Require(p.DPort == sSvrInfo.Port);
        sChannel.RemoveAt(0);

        if (NewLink(p, sTCPLinkSet))
        {
            sTCPLinkSet.Add(new ServerLink(SIP: p.DIP, SPort: p.DPort, DIP: p.SIP, DPort: p.SPort, Type: p.Type, State: LinkState.SynRcvd));
            var synAck = new TcpPacket(SIP: p.DIP, SPort: p.DPort, DIP: p.SIP, DPort: p.SPort, Flg: TcpFlag.TcpSynAck, Type: p.Type);
            if (p.Type == Origin.User)
                uChannel.Add(synAck);
            else
                aChannel.Add(synAck);
        }
        // else: a duplicated SYN is ignored.
    }

    /// <summary>Action 8: the server receives the final ACK; the connection is established.</summary>
    [Action]
    void ServerRcvTcpAck()
    {
        Require(sState == "Listen");
        Require(sChannel.Count > 0);
        var p = sChannel[0];
        Require(p.Flg == TcpFlag.TcpAck);
        Require(HasMatchLink(p, sTCPLinkSet));
        var l = GetMatchLink(p, sTCPLinkSet);
        Require(l.State == LinkState.SynRcvd);
        sChannel.RemoveAt(0);
        sTCPLinkSet.Remove(l);
        sTCPLinkSet.Add(l with { State = LinkState.Established });
    }

    // ---------------------------------------------------------------- attacker actions

    /// <summary>
    /// The SPA messages not yet known. With something already known the spec takes
    /// CHOOSE S \in SUBSET msgs : (no S element has a known Tstamp); TLC's choice is the empty set.
    /// </summary>
    static HashSet<SpaMessage> SelectNewAuthMsg(List<SpaMessage> msgQ, HashSet<SpaMessage> known) =>
        known.Count > 0 ? [] : msgQ.ToHashSet();

    /// <summary>As <see cref="SelectNewAuthMsg"/>, for captured data packets.</summary>
    static HashSet<TcpPacket> SelectNewDataMsg(List<TcpPacket> msgQ, HashSet<TcpPacket> known) =>
        known.Count > 0 ? [] : msgQ.ToHashSet();

    /// <summary>Action 9: the attacker sniffs the user's SPA messages on the auth channel.</summary>
    [Action]
    void AttackerSniffAuthChannel()
    {
        Require(aState == "Listen");
        var l = PureChannel(authChannel);
        Require(l.Count > 0);
        Require(l.Any(m => capAuthMsg.All(x => m.Tstamp != x.Tstamp)));
        var fresh = SelectNewAuthMsg(l, capAuthMsg);
        authKnowledge.UnionWith(fresh);
        capAuthMsg.UnionWith(fresh);
        sniffCount++;
    }

    /// <summary>Action 10: the attacker sniffs the user's data packets on the firewall's data channel.</summary>
    [Action]
    void AttackerSniffDataChannel()
    {
        Require(aState == "Listen");
        var l = PureChannel(fwDataChannel);
        Require(l.Count > 0);
        Require(l.Any(p => capDataMsg.All(x => p.DIP != x.DIP && p.DPort != x.DPort && p.Flg == TcpFlag.TcpSyn)));
        var fresh = SelectNewDataMsg(l, capDataMsg);
        dataKnowledge.UnionWith(fresh);
        capDataMsg.UnionWith(fresh);
        sniffCount++;
    }

    static SpaMessage SpoofAuthMsg(SpaMessage m) => m with { Tstamp = m.Tstamp + 1, Type = Origin.Attacker };

    static SpaMessage ReplayAuthMsg(SpaMessage m) => m with { Type = Origin.Attacker };

    /// <summary>Action 11: the attacker sends a spoofed SPA message built from a sniffed one.</summary>
    [Action]
    void AttackerSpoofAuth()
    {
        Require(authKnowledge.Count > 0);
        var known = Choose(authKnowledge, _ => true);
        var spoof = SpoofAuthMsg(known);
        authChannel.Add(spoof);
        aSession.Add(spoof);
        authKnowledge.Remove(known);
    }

    /// <summary>Action 12: the attacker replays a sniffed SPA message.</summary>
    [Action]
    void AttackerReplayAuth()
    {
        Require(authKnowledge.Count > 0);
        var known = Choose(authKnowledge, _ => true);
        var replay = ReplayAuthMsg(known);
        authChannel.Add(replay);
        aSession.Add(replay);
        authKnowledge.Remove(known);
    }

    bool UnusedForBrutalAttack(SpaMessage x) => aTCPLinkSet.All(y => x.Tstamp != y.AuthID);

    /// <summary>Action 13: the attacker connects to the server address found in an attack session's message.</summary>
    [Action]
    void AttackerBrutalAttck()
    {
        Require(aSession.Any(UnusedForBrutalAttack));
        var session = Choose(aSession, UnusedForBrutalAttack);
        var p = new TcpPacket(SIP: aIP, SPort: SelLocalPort(aCounter, AttackerBasePort),
                              DIP: session.SvrIP, DPort: session.SvrPort, Flg: TcpFlag.TcpSyn, Type: Origin.Attacker);
        aCounter++;
        fwDataChannel.Add(p);
        aTCPLinkSet.Add(new AttackerLink(p.SIP, p.SPort, p.DIP, p.DPort, LinkState.SynSent, AuthID: session.Tstamp));
    }

    /// <summary>Action 14: the attacker probes the server address learned from sniffed data packets.</summary>
    [Action]
    void AttackerProbeSvr()
    {
        Require(dataKnowledge.Count > 0);
        var known = Choose(dataKnowledge, _ => true);
        var p = new TcpPacket(SIP: aIP, SPort: SelLocalPort(aCounter, AttackerBasePort),
                              DIP: known.DIP, DPort: known.DPort, Flg: TcpFlag.TcpSyn, Type: Origin.Attacker);
        aCounter++;
        fwDataChannel.Add(p);
        aTCPLinkSet.Add(new AttackerLink(p.SIP, p.SPort, p.DIP, p.DPort, LinkState.SynSent, AuthID: UnknownAuthId));
        // As written in the spec: DataKnowledge' = AuthKnowledge \ {CHOOSE x \in DataKnowledge : TRUE}.
        dataKnowledge = authKnowledge.Where(x => !x.Equals(known)).ToHashSet<Message>();
    }

    /// <summary>Action 15: the attacker's connection is established by the server's SYN_ACK.</summary>
    [Action]
    void AttackerRcvSynAck()
    {
        Require(aTCPLinkSet.Count > 0);
        Require(aChannel.Count > 0);
        var head = aChannel[0];
        Require(head.Flg == TcpFlag.TcpSynAck);
        Require(head.Type == Origin.Attacker);
        Require(HasMatchLink(head, aTCPLinkSet));
        var l = GetMatchLink(head, aTCPLinkSet);
        Require(l.State == LinkState.SynSent);
        aTCPLinkSet.Remove(l);
        aTCPLinkSet.Add(l with { State = LinkState.Established });
        aChannel.RemoveAt(0);
        fwDataChannel.Add(EndPointBuildTcpAckPkt(head, Origin.Attacker));
    }

    // ---------------------------------------------------------------- invariants

    /// <summary>The attacker never establishes a connection to the hidden server.</summary>
    [Invariant]
    bool DataAccessSafeLaw() => aTCPLinkSet.All(x => x.State != LinkState.Established);

    /// <summary>The attacker never passes SPA authentication.</summary>
    [Invariant]
    bool SPASafeLaw() => sdpSucSession.All(x => x.Type != Origin.Attacker);

    // ---------------------------------------------------------------- temporal properties (<>[]P)

    // Every property of the spec has the form <>[]P. The state graph of this model is acyclic and every
    // action is weakly fair, so every fair behavior ends stuttering in a final state; there <>[]P and
    // []<>P both mean "P holds in the final state", so they are written as [AlwaysEventually].

    /// <summary>Compares the fields the spec compares (CliIP and CliPort are not among them).</summary>
    static bool AuthMessageMatch(SpaMessage m, SpaMessage n) =>
        m.MsgID == n.MsgID && m.SIP == n.SIP && m.SPort == n.SPort && m.DIP == n.DIP && m.DPort == n.DPort
        && m.ClientID == n.ClientID && m.Tstamp == n.Tstamp && m.SvrIP == n.SvrIP && m.SvrPort == n.SvrPort
        && m.HMAC == n.HMAC && m.Type == n.Type;

    bool SDP_AclRuleMatchAuth(SpaMessage m, AclRule r)
    {
        int k = GetKey(m.ClientID, account);
        return Decrypt(m.CliIP, k) == r.SIP && Decrypt(m.CliPort, k) == r.SPort
               && Decrypt(m.SvrIP, k) == r.DIP && Decrypt(m.SvrPort, k) == r.DPort
               && r.Protocol == "TCP" && r.Action == "Accept";
    }

    [AlwaysEventually]
    bool SPA_AvailableProperty() =>
        uAuthSession.All(x => sdpSucSession.Any(y => AuthMessageMatch(x, y)))
        && sdpSucSession.All(x => uAuthSession.Any(y => AuthMessageMatch(x, y)))
        && uAuthSession.All(x => aclRuleSet.Union(agedRuleSet).Any(y => SDP_AclRuleMatchAuth(x, y)));

    bool SPA_AntiReplayProperty() => replaySession.All(x => aSession.Any(y => AuthMessageMatch(x, y)));

    bool SPA_AntiSpoofProperty() => spoofSession.All(x => aSession.Any(y => AuthMessageMatch(x, y)));

    [AlwaysEventually]
    bool SPA_AntiDosProperty() =>
        capAuthMsg.IsSubsetOf(uAuthSession)
        && capAuthMsg.Count == aSession.Count
        && aSession.All(x => replaySession.Union(spoofSession).Any(y => AuthMessageMatch(x, y)))
        && SPA_AntiReplayProperty()
        && SPA_AntiSpoofProperty();

    static bool CliSvrLinkMatch(IAddressed c, IAddressed s) =>
        c.DIP == s.SIP && c.SIP == s.DIP && c.DPort == s.SPort && c.SPort == s.DPort;

    [AlwaysEventually]
    bool UserAccessAvailProperty() =>
        uTCPLinkSet.All(x =>
            x.State == LinkState.Established
            && sTCPLinkSet.Any(y => CliSvrLinkMatch(x, y) && x.State == y.State)
            && AclMatch4Tuple(x, aclRuleSet))
        && uTCPLinkSet.Count > 0;

    [AlwaysEventually]
    bool SvrHidenProperty() =>
        sTCPLinkSet.All(x => x.Type != Origin.Attacker && x.State == LinkState.Established)
        && aTCPLinkSet.All(y => y.State != LinkState.Established);

    bool AuthRelateAcl(SpaMessage s, IEnumerable<AclRule> rules) => rules.Any(r => SDP_AclRuleMatchAuth(s, r));

    bool AclRelateAuth(AclRule r, IEnumerable<SpaMessage> sessions) => sessions.Any(s => SDP_AclRuleMatchAuth(s, r));

    [AlwaysEventually]
    bool FwRuleConsistentProperty() =>
        uAuthSession.Count == aclRuleSet.Count
        && uAuthSession.All(x => AuthRelateAcl(x, aclRuleSet))
        && aclRuleSet.All(y => AclRelateAuth(y, uAuthSession))
        && agedRuleSet.Count == 0;

    [AlwaysEventually]
    bool FwCorrectProperty() =>
        aTCPLinkSet.All(x => x.State == LinkState.Established ? !WithDropPkts(x) : WithDropPkts(x))
        && uTCPLinkSet.All(x => x.State == LinkState.Established && !x.Retrans ? !WithDropPkts(x) : WithDropPkts(x));
}
