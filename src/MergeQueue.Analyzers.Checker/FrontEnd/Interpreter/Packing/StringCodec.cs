using MergeQueue.Analyzers.Engine.Runtime;
using MergeQueue.Analyzers.FrontEnd.Values;

namespace MergeQueue.Analyzers.FrontEnd.Interpreter.Packing;

/// <summary>A string: its length (null as -1), then each char. A decode that finds the string it read last reuses it.</summary>
internal sealed class StringCodec(int id) : ValueCodec(id)
{
    public override void Write(Value value, StateWriter writer, PackContext context)
    {
        if (value.Ref is not string text)
        {
            writer.WriteLength(-1);
            return;
        }

        context.BeforeLong(text.Length);
        writer.WriteLength(text.Length);
        foreach (char c in text)
        {
            writer.WriteUnsigned(c);
        }
    }

    public override Value Read(ref StateReader reader, PackContext context)
    {
        int length = reader.ReadLength();
        if (length < 0)
        {
            return Value.Null;
        }

        context.BeforeLong(length);
        var chars = context.Chars(length);
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)reader.ReadUnsigned();
        }

        // Strings are immutable: the last one read here may be handed out again, to any number of places.
        ref object? last = ref context.Next(Id);
        if (last is string previous && Same(previous, chars, length))
        {
            return new Value(previous);
        }

        var text = new string(chars, 0, length);
        last = text;
        return new Value(text);
    }

    public override void Skip(ref StateReader reader)
    {
        int length = reader.ReadLength();
        for (int i = 0; i < length; i++)
        {
            reader.ReadUnsigned();
        }
    }

    private static bool Same(string text, char[] chars, int length)
    {
        if (text.Length != length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (text[i] != chars[i])
            {
                return false;
            }
        }

        return true;
    }
}
