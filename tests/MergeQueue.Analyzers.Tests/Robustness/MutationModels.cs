namespace MergeQueue.Analyzers.Tests.Robustness;

/// <summary>Test models mutated besides the samples: the constructs the samples do not use.</summary>
internal static class MutationModels
{
    /// <summary>Records with <c>with</c>, a struct, a tuple, and every collection kind.</summary>
    public const string RecordsAndCollections = Infrastructure.TestCompilation.Usings + """
        namespace Mutation;

        public enum Stage { Open, Review, Done }

        public record Ticket(int Id, Stage Stage, int Votes);

        public struct Counter { public int Value; }

        [StateMachine]
        public partial class Board
        {
            const int N = 2;
            List<Ticket> tickets = new() { new Ticket(0, Stage.Open, 0), new Ticket(1, Stage.Open, 0) };
            HashSet<int> reviewed = new();
            Dictionary<int, int> owner = new();
            Queue<int> inbox = new();
            Stack<int> undo = new();
            Counter moves;
            (int Last, bool Any) history;

            [Action] void Submit([Range(0, N - 1)] int id)
            {
                Require(tickets[id].Stage == Stage.Open && tickets[id].Votes < 2 && !inbox.Contains(id));
                inbox.Enqueue(id);
            }

            [Action] void Review(bool approve)
            {
                Require(inbox.Count > 0);
                int id = inbox.Dequeue();
                tickets[id] = tickets[id] with { Stage = approve ? Stage.Done : Stage.Review, Votes = tickets[id].Votes + 1 };
                reviewed.Add(id);
                owner[id] = approve ? 1 : 0;
                if (!approve) undo.Push(id);
                moves.Value = Math.Min(moves.Value + 1, 3);
                history = (id, true);
            }

            [Action] void Reopen()
            {
                Require(undo.Count > 0);
                int id = undo.Pop();
                tickets[id] = tickets[id] with { Stage = Stage.Open };
                owner.Remove(id);
            }

            [Invariant] bool VotesBounded() => tickets.All(t => t.Votes <= 2) && reviewed.Count <= N;

            [Terminal] bool AllDone() => tickets.All(t => t.Stage == Stage.Done) || tickets.All(t => t.Stage == Stage.Done || t.Votes >= 2);
        }
        """;

    /// <summary>Liveness: fairness kinds, a process parameter, every liveness attribute.</summary>
    public const string Liveness = Infrastructure.TestCompilation.Usings + """
        namespace Mutation;

        [StateMachine]
        public partial class Mutex
        {
            const int N = 2;
            readonly int[] pc = new int[N];   // 0 idle, 1 waiting, 2 critical
            int turn;

            [Action] void Request([Process][Range(0, N - 1)] int p) { Require(pc[p] == 0); pc[p] = 1; }

            [Action(Fairness = Fairness.Strong)] void Enter([Process][Range(0, N - 1)] int p)
            {
                Require(pc[p] == 1 && turn == p && pc.All(s => s != 2));
                pc[p] = 2;
            }

            [Action] void Leave([Process][Range(0, N - 1)] int p) { Require(pc[p] == 2); pc[p] = 0; turn = (turn + 1) % N; }

            [Action(Fairness = Fairness.None)] void Pass() { Require(pc[turn] == 0); turn = (turn + 1) % N; }

            [Invariant] bool Exclusive() => pc.Count(s => s == 2) <= 1;

            bool Waiting0() => pc[0] == 1;

            bool Critical0() => pc[0] == 2;

            [LeadsTo(nameof(Critical0))] bool Request0() => Waiting0();

            [AlwaysEventually] bool SomeoneIdle() => pc.Any(s => s == 0);

            [Eventually] bool Entered() => pc.Any(s => s == 2);

            [Reachable] bool BothWaiting() => pc.All(s => s == 1);
        }
        """;
}
