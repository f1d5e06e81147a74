using Xunit;

namespace MergeQueue.Analyzers.Tests.FrontEnd.Interpreter;

/// <summary>
/// A call's variables live in a frame that the next call from the same place reuses, and a lambda used up by the
/// query it is passed to is one closure per frame: neither may be visible. A frame that a closure may outlive is
/// never reused.
/// </summary>
public sealed class CallFrameTests
{
    [Fact]
    public void Lambdas_returned_by_one_method_keep_their_own_arguments()
    {
        var model = Interpreted.Of("""
            int result;
            Func<int, bool> Below(int limit) => value => value < limit;
            [Action] void Step()
            {
                // One call site, run twice: the first lambda must keep the frame of the first call.
                Func<int, bool> one = _ => false, two = _ => false;
                for (int limit = 1; limit <= 2; limit++)
                {
                    var below = Below(limit);
                    if (limit == 1) one = below; else two = below;
                }

                result = (one(1) ? 1 : 0) + (two(1) ? 10 : 0) + (one(0) ? 100 : 0);
            }
            """);
        model.Do("Step()");
        Assert.Equal("110", model["result"]);
    }

    [Fact]
    public void A_lambda_made_inside_a_query_lambda_keeps_the_arguments_of_its_call()
    {
        // The inner lambda outlives both the query and the call, through the enclosing lambda's frame.
        var model = Interpreted.Of("""
            int result;
            Func<int, bool> Below(int limit)
            {
                Func<int, bool>? made = null;
                Enumerable.Range(0, 1).All(_ => { made = value => value < limit; return true; });
                return made!;
            }
            [Action] void Step()
            {
                Func<int, bool> one = _ => false, two = _ => false;
                for (int limit = 1; limit <= 2; limit++)
                {
                    var below = Below(limit);
                    if (limit == 1) one = below; else two = below;
                }

                result = (one(1) ? 1 : 0) + (two(1) ? 10 : 0);
            }
            """);
        model.Do("Step()");
        Assert.Equal("10", model["result"]);
    }

    [Fact]
    public void A_query_lambda_sees_the_arguments_of_each_call()
    {
        var model = Interpreted.Of("""
            int result;
            int Below(int limit) => Enumerable.Range(0, 5).Count(value => value < limit);
            [Action] void Step() => result = Below(2) * 100 + Below(3) * 10 + Below(Below(1));
            """);
        model.Do("Step()");
        Assert.Equal("231", model["result"]);
    }

    [Fact]
    public void Recursion_through_a_query_lambda_gives_each_level_its_own_variables()
    {
        var model = Interpreted.Of("""
            int result;
            int Nodes(int depth) => depth == 0 ? 1 : 1 + Enumerable.Range(0, 2).Sum(_ => Nodes(depth - 1)) + depth * 0;
            [Action] void Step() => result = Nodes(3);
            """);
        model.Do("Step()");
        Assert.Equal("15", model["result"]);
    }

    [Fact]
    public void Nested_query_lambdas_see_the_element_of_the_enclosing_one()
    {
        var model = Interpreted.Of("""
            int[] values = { 1, 2, 2, 3 };
            int unique;
            [Action] void Step() => unique = values.Count(a => values.Count(b => b == a) == 1);
            """);
        model.Do("Step()");
        Assert.Equal("2", model["unique"]);
    }

    [Fact]
    public void A_query_lambda_kept_in_a_deferred_query_sees_the_call_it_was_made_in()
    {
        var model = Interpreted.Of("""
            int result;
            IEnumerable<int> Above(int limit) => Enumerable.Range(0, 5).Where(value => value > limit);
            [Action] void Step()
            {
                var high = Above(3);
                var low = Above(0);
                result = high.Count() * 10 + low.Count();
            }
            """);
        model.Do("Step()");
        Assert.Equal("14", model["result"]);
    }

    [Fact]
    public void A_constant_range_is_enumerated_afresh_by_each_query()
    {
        var model = Interpreted.Of("""
            int result;
            [Action] void Step()
            {
                var range = Enumerable.Range(2, 3);
                result = range.Sum() * 10 + range.Count(v => v > 2) + range.Where(v => v > 3).Sum() * 100;
            }
            """);
        model.Do("Step()");
        Assert.Equal("492", model["result"]);
    }

    [Fact]
    public void A_static_or_literal_array_argument_is_shared_only_with_a_method_that_only_reads_it()
    {
        // Counted by hand: 2 is in Evens, 1 and 3 in [1, 3] (reads 1, 2, 1); Evens stays [0, 2] and each params
        // array is new per call (writes 10 + 10 + 11 + 11, and Keep's copy of Evens starts with 0).
        var model = Interpreted.Of("""
            static readonly int[] Evens = [0, 2];
            readonly int[] values = [1, 2, 3];
            int reads;
            int writes;
            int CountAt(params int[] wanted) => values.Count(wanted.Contains);
            int Bump(params int[] xs) { xs[0] += 10; return xs[0]; }
            int[] Keep(int[] xs) => xs;
            [Action] void Step()
            {
                reads = CountAt(Evens) * 100 + CountAt(1, 3) * 10 + CountAt(Evens);
                writes = Bump(Evens) + Bump(Evens) + Bump(1, 2) + Bump(1, 2) + Keep(Evens)[0] * 1000;
            }
            """);
        model.Do("Step()");
        Assert.Equal("121", model["reads"]);
        Assert.Equal("42", model["writes"]);
    }
}
