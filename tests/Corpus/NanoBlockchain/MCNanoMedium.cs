using System;
using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers;
using static MergeQueue.Analyzers.Spec;

namespace Corpus.NanoBlockchain;

/// <summary>
/// The original Nano block-lattice protocol (Nano.tla) made model-checkable as in MCNano.tla, model
/// MCNanoMedium: four hashes, two keys, two nodes, genesis balance 3. Hashing is modelled by handing out the
/// next unused hash to every new block; when the hashes run out the model stops (it only stutters).
/// </summary>
[StateMachine]
public partial class MCNanoMedium
{
    public enum Hash { H1, H2, H3, H4 }

    public enum PrivateKey { Prv1, Prv2 }

    public enum PublicKey { Pub1, Pub2 }

    public enum Node { N1, N2 }

    public abstract record Block;
    public sealed record GenesisBlock(PublicKey Account, int Balance) : Block;
    public sealed record SendBlock(Hash Previous, int Balance, PublicKey Destination) : Block;
    public sealed record OpenBlock(PublicKey Account, Hash Source, PublicKey Rep) : Block;
    public sealed record ReceiveBlock(Hash Previous, Hash Source) : Block;
    public sealed record ChangeRepBlock(Hash Previous, PublicKey Rep) : Block;

    public sealed record Signature(Hash Data, PrivateKey SignedWith);

    public sealed record SignedBlock(Block Block, Signature Signature);

    const int GenesisBalance = 3;

    static readonly Hash[] Hashes = Enum.GetValues<Hash>();
    static readonly Node[] Nodes = Enum.GetValues<Node>();

    /// <summary>The public key paired with each private key.</summary>
    static readonly Dictionary<PrivateKey, PublicKey> KeyPair = new()
    {
        [PrivateKey.Prv1] = PublicKey.Pub1,
        [PrivateKey.Prv2] = PublicKey.Pub2,
    };

    /// <summary>The private key owned by each node.</summary>
    static readonly Dictionary<Node, PrivateKey> Ownership = new()
    {
        [Node.N1] = PrivateKey.Prv1,
        [Node.N2] = PrivateKey.Prv2,
    };

    /// <summary>The blocks hashed so far; a hash with no entry is still unused (NoBlock).</summary>
    readonly Dictionary<Hash, Block> hashFunction = [];

    /// <summary>The last calculated block hash; null is NoHash.</summary>
    Hash? lastHash;

    /// <summary>Each node's copy of the ledger of confirmed blocks; a hash with no entry is NoBlock.</summary>
    readonly Dictionary<Node, Dictionary<Hash, SignedBlock>> distributedLedger =
        Nodes.ToDictionary(n => n, _ => new Dictionary<Hash, SignedBlock>());

    /// <summary>The blocks each node received but has not validated yet.</summary>
    readonly Dictionary<Node, HashSet<SignedBlock>> received =
        Nodes.ToDictionary(n => n, _ => new HashSet<SignedBlock>());

    // ------------------------------------------------------------ hashing

    bool UndefinedHashesExist => Hashes.Any(h => !hashFunction.ContainsKey(h));

    /// <summary>The hash already given to this block, or else the first unused one.</summary>
    Hash HashOf(Block block)
    {
        foreach (var (hash, hashed) in hashFunction)
        {
            if (hashed == block)
                return hash;
        }
        return Hashes.First(h => !hashFunction.ContainsKey(h));
    }

    /// <summary>CalculateHash(block, lastHash, lastHash'): records the block's hash and makes it lastHash.</summary>
    Hash CalculateHash(Block block)
    {
        var hash = HashOf(block);
        hashFunction[hash] = block;
        lastHash = hash;
        return hash;
    }

    // ---------------------------------------------------------- signatures

    static Signature SignHash(Hash hash, PrivateKey privateKey) => new(hash, privateKey);

    static bool ValidateSignature(Signature signature, PublicKey expectedPublicKey, Hash expectedHash) =>
        KeyPair[signature.SignedWith] == expectedPublicKey && signature.Data == expectedHash;

    // ------------------------------------------------ block-lattice helpers

    bool GenesisBlockExists => lastHash is not null;

    static bool IsAccountOpen(Dictionary<Hash, SignedBlock> ledger, PublicKey publicKey) =>
        ledger.Values.Any(sb => sb.Block switch
        {
            GenesisBlock g => g.Account == publicKey,
            OpenBlock o => o.Account == publicKey,
            _ => false,
        });

    static bool IsSendReceived(Dictionary<Hash, SignedBlock> ledger, Hash sourceHash) =>
        ledger.Values.Any(sb => sb.Block switch
        {
            OpenBlock o => o.Source == sourceHash,
            ReceiveBlock r => r.Source == sourceHash,
            _ => false,
        });

    static PublicKey PublicKeyOf(Dictionary<Hash, SignedBlock> ledger, Hash blockHash) =>
        ledger[blockHash].Block switch
        {
            GenesisBlock g => g.Account,
            OpenBlock o => o.Account,
            SendBlock s => PublicKeyOf(ledger, s.Previous),
            ReceiveBlock r => PublicKeyOf(ledger, r.Previous),
            ChangeRepBlock c => PublicKeyOf(ledger, c.Previous),
            _ => throw new InvalidOperationException("unknown block type"),
        };

    static int BalanceAt(Dictionary<Hash, SignedBlock> ledger, Hash hash) =>
        ledger[hash].Block switch
        {
            OpenBlock o => ValueOfSendBlock(ledger, o.Source),
            SendBlock s => s.Balance,
            ReceiveBlock r => BalanceAt(ledger, r.Previous) + ValueOfSendBlock(ledger, r.Source),
            ChangeRepBlock c => BalanceAt(ledger, c.Previous),
            GenesisBlock g => g.Balance,
            _ => throw new InvalidOperationException("unknown block type"),
        };

    static int ValueOfSendBlock(Dictionary<Hash, SignedBlock> ledger, Hash hash)
    {
        var send = (SendBlock)ledger[hash].Block;
        return BalanceAt(ledger, send.Previous) - send.Balance;
    }

    // ----------------------------------------------------------- validation

    static bool ValidateOpenBlock(Dictionary<Hash, SignedBlock> ledger, OpenBlock block) =>
        ledger.TryGetValue(block.Source, out var source)
        && source.Block is SendBlock send
        && send.Destination == block.Account;

    static bool ValidateSendBlock(Dictionary<Hash, SignedBlock> ledger, SendBlock block) =>
        ledger.ContainsKey(block.Previous)
        && block.Balance <= BalanceAt(ledger, block.Previous);

    static bool ValidateReceiveBlock(Dictionary<Hash, SignedBlock> ledger, ReceiveBlock block) =>
        ledger.ContainsKey(block.Previous)
        && ledger.TryGetValue(block.Source, out var source)
        && source.Block is SendBlock send
        && send.Destination == PublicKeyOf(ledger, block.Previous);

    static bool ValidateChangeBlock(Dictionary<Hash, SignedBlock> ledger, ChangeRepBlock block) =>
        ledger.ContainsKey(block.Previous);

    // -------------------------------------------------------------- actions

    /// <summary>Sends a newly created block to every node (received[n] := received[n] \cup {block}).</summary>
    void Broadcast(SignedBlock signedBlock)
    {
        foreach (var node in Nodes)
            received[node].Add(signedBlock);
    }

    [Action]
    void CreateGenesisBlock(PrivateKey privateKey)
    {
        Require(UndefinedHashesExist);
        Require(!GenesisBlockExists);
        var genesisBlock = new GenesisBlock(KeyPair[privateKey], GenesisBalance);
        var hash = CalculateHash(genesisBlock);
        var signedGenesisBlock = new SignedBlock(genesisBlock, SignHash(hash, privateKey));
        foreach (var node in Nodes)
            distributedLedger[node][hash] = signedGenesisBlock;
    }

    [Action]
    void CreateOpenBlock(Node node, PublicKey repPublicKey, Hash srcHash)
    {
        Require(UndefinedHashesExist);
        var privateKey = Ownership[node];
        var ledger = distributedLedger[node];
        var newOpenBlock = new OpenBlock(KeyPair[privateKey], srcHash, repPublicKey);
        Require(ValidateOpenBlock(ledger, newOpenBlock));
        var hash = CalculateHash(newOpenBlock);
        Broadcast(new SignedBlock(newOpenBlock, SignHash(hash, privateKey)));
    }

    [Action]
    void CreateSendBlock(Node node, Hash prevHash, PublicKey recipient, [Range(0, GenesisBalance)] int newBalance)
    {
        Require(UndefinedHashesExist);
        var privateKey = Ownership[node];
        var ledger = distributedLedger[node];
        Require(ledger.ContainsKey(prevHash) && PublicKeyOf(ledger, prevHash) == KeyPair[privateKey]);
        var newSendBlock = new SendBlock(prevHash, newBalance, recipient);
        Require(ValidateSendBlock(ledger, newSendBlock));
        var hash = CalculateHash(newSendBlock);
        Broadcast(new SignedBlock(newSendBlock, SignHash(hash, privateKey)));
    }

    [Action]
    void CreateReceiveBlock(Node node, Hash prevHash, Hash srcHash)
    {
        Require(UndefinedHashesExist);
        var privateKey = Ownership[node];
        var ledger = distributedLedger[node];
        Require(ledger.ContainsKey(prevHash) && PublicKeyOf(ledger, prevHash) == KeyPair[privateKey]);
        var newRcvBlock = new ReceiveBlock(prevHash, srcHash);
        Require(ValidateReceiveBlock(ledger, newRcvBlock));
        var hash = CalculateHash(newRcvBlock);
        Broadcast(new SignedBlock(newRcvBlock, SignHash(hash, privateKey)));
    }

    [Action]
    void CreateChangeRepBlock(Node node, Hash prevHash, PublicKey newRep)
    {
        Require(UndefinedHashesExist);
        var privateKey = Ownership[node];
        var ledger = distributedLedger[node];
        Require(ledger.ContainsKey(prevHash) && PublicKeyOf(ledger, prevHash) == KeyPair[privateKey]);
        var newChangeRepBlock = new ChangeRepBlock(prevHash, newRep);
        Require(ValidateChangeBlock(ledger, newChangeRepBlock));
        var hash = CalculateHash(newChangeRepBlock);
        Broadcast(new SignedBlock(newChangeRepBlock, SignHash(hash, privateKey)));
    }

    /// <summary>
    /// A node validates and confirms one received block. Every signed block carries its own hash in its
    /// signature and each hash belongs to one block, so the block is picked by that hash.
    /// </summary>
    [Action]
    void ProcessBlock(Node node, Hash blockHash)
    {
        Require(UndefinedHashesExist);
        var signedBlock = received[node].SingleOrDefault(sb => sb.Signature.Data == blockHash);
        Require(signedBlock is not null);
        var ledger = distributedLedger[node];
        var block = signedBlock!.Block;

        bool valid = block switch
        {
            OpenBlock open => ValidateOpenBlock(ledger, open) && !IsAccountOpen(ledger, open.Account),
            SendBlock send => ValidateSendBlock(ledger, send),
            ReceiveBlock receive => ValidateReceiveBlock(ledger, receive) && !IsSendReceived(ledger, receive.Source),
            ChangeRepBlock change => ValidateChangeBlock(ledger, change),
            _ => false,
        };
        Require(valid);

        var signer = block switch
        {
            OpenBlock open => open.Account,
            SendBlock send => PublicKeyOf(ledger, send.Previous),
            ReceiveBlock receive => PublicKeyOf(ledger, receive.Previous),
            ChangeRepBlock change => PublicKeyOf(ledger, change.Previous),
            _ => throw new InvalidOperationException("unexpected block type"),
        };
        var hash = CalculateHash(block);
        Require(ValidateSignature(signedBlock.Signature, signer, hash));

        ledger[hash] = signedBlock;
        received[node].Remove(signedBlock);
    }

    /// <summary>When every hash is used up, MCNano's Next only stutters: the model is done.</summary>
    [Terminal]
    bool HashesDepleted() => !UndefinedHashesExist;

    // ----------------------------------------------------------- invariants

    static bool IsBlock(Block block) => block switch
    {
        GenesisBlock g => g.Balance == GenesisBalance,
        SendBlock s => s.Balance is >= 0 and <= GenesisBalance,
        OpenBlock or ReceiveBlock or ChangeRepBlock => true,
        _ => false,
    };

    [Invariant]
    bool TypeInvariant() =>
        hashFunction.Values.All(IsBlock)
        && Nodes.All(n => distributedLedger.ContainsKey(n) && received.ContainsKey(n))
        && distributedLedger.Values.All(ledger => ledger.Values.All(sb => IsBlock(sb.Block)))
        && received.Values.All(blocks => blocks.All(sb => IsBlock(sb.Block)));

    /// <summary>CryptographicInvariant: every confirmed block is signed by its account over its own hash.</summary>
    [Invariant]
    bool SafetyInvariant() =>
        distributedLedger.Values.All(ledger =>
            ledger.All(entry => ValidateSignature(entry.Value.Signature, PublicKeyOf(ledger, entry.Key), entry.Key)));
}
