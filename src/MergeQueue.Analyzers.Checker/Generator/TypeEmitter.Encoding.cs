using System.Collections.Generic;
using System.Linq;
using MergeQueue.Analyzers.Generator.Model;

namespace MergeQueue.Analyzers.Generator;

/// <summary>
/// The compact state encoding of the fast adapter (<c>Runtime.EncodedModel</c>): for models whose fields are all
/// bools, integers, chars, enums or arrays of them, each field is written as bytes in declaration order, decoded in
/// place and restored into a reusable instance without allocating (see <c>Runtime.StateCoding</c>).
/// </summary>
internal static partial class TypeEmitter
{
    /// <summary>Whether every field of the model has a type the encoding covers.</summary>
    public static bool CanEncode(IReadOnlyList<TypeSpec> types, IReadOnlyList<FieldSpec> fields) =>
        fields.All(f => IsEncodedScalar(types[f.Type].Kind)
            || (types[f.Type].Kind == ValueKind.Array && IsEncodedScalar(types[types[f.Type].Parts[0]].Kind)));

    /// <summary>Writes the statements that append one field's encoding to <c>writer</c>.</summary>
    public static void EncodeField(SourceWriter w, IReadOnlyList<TypeSpec> types, FieldSpec field, string value)
    {
        var type = types[field.Type];
        if (type.Kind != ValueKind.Array)
        {
            w.Line(WriteScalar(type.Kind, value) + ";");
            return;
        }

        w.Open(string.Empty);
        w.Line("var array = " + value + ";");
        w.Line("if (array is null) writer.WriteLength(-1);");
        w.Line("else { writer.WriteLength(array.Length); for (int i = 0; i < array.Length; i++) " + WriteScalar(types[type.Parts[0]].Kind, "array[i]") + "; }");
        w.Close();
    }

    /// <summary>Writes the statements that read one field from <c>reader</c> into <paramref name="target"/>.</summary>
    public static void DecodeField(SourceWriter w, IReadOnlyList<TypeSpec> types, FieldSpec field, string target)
    {
        var type = types[field.Type];
        if (type.Kind != ValueKind.Array)
        {
            // A readonly field holds its initial value in every state: the bytes are skipped.
            w.Line(field.IsReadOnly ? "_ = " + ReadScalar(type.Kind, type.Name) + ";" : target + " = " + ReadScalar(type.Kind, type.Name) + ";");
            return;
        }

        var element = types[type.Parts[0]];
        w.Open(string.Empty);
        w.Line("int length = reader.ReadLength();");
        w.Line("var array = " + target + ";");
        if (field.IsReadOnly)
        {
            w.Line("if (length < 0 ? !(array is null) : array is null || array.Length != length) throw new global::System.InvalidOperationException(\"A readonly array changed.\");");
        }
        else
        {
            w.Line("if (length < 0) array = null;");
            w.Line("else if (array is null || array.Length != length) array = new " + element.Name + "[length];");
            w.Line(target + " = array;");
        }

        w.Line("for (int i = 0; i < length; i++) array[i] = " + ReadScalar(element.Kind, element.Name) + ";");
        w.Close();
    }

    /// <summary>Writes the statements that make <paramref name="target"/> equal to <paramref name="source"/>, unshared.</summary>
    public static void RestoreField(SourceWriter w, IReadOnlyList<TypeSpec> types, FieldSpec field, string source, string target)
    {
        var type = types[field.Type];
        if (type.Kind != ValueKind.Array)
        {
            if (!field.IsReadOnly)
            {
                w.Line(target + " = " + source + ";");
            }

            return;
        }

        if (field.IsReadOnly)
        {
            // The same array in every state: its elements are copied back in place.
            w.Open(string.Empty);
            w.Line("var from = " + source + ";");
            w.Line("var to = " + target + ";");
            w.Line("if (!(from is null)) { if (to is null || to.Length != from.Length) throw new global::System.InvalidOperationException(\"A readonly array changed.\"); global::System.Array.Copy(from, to, from.Length); }");
            w.Close();
        }
        else
        {
            // An action may have made two fields share an array: a fresh copy keeps them apart.
            w.Line(target + " = " + source + " is null ? null : (" + type.Name + ")" + source + ".Clone();");
        }
    }

    private static bool IsEncodedScalar(ValueKind kind) =>
        kind is ValueKind.Bool or ValueKind.Integer or ValueKind.UnsignedLong or ValueKind.Char or ValueKind.Enum;

    private static string WriteScalar(ValueKind kind, string value) => kind switch
    {
        ValueKind.Bool => "writer.WriteBool(" + value + ")",
        ValueKind.UnsignedLong or ValueKind.Char => "writer.WriteUnsigned(" + value + ")",
        _ => "writer.WriteSigned(unchecked((long)" + value + "))",
    };

    private static string ReadScalar(ValueKind kind, string typeName) => kind switch
    {
        ValueKind.Bool => "reader.ReadBool()",
        ValueKind.UnsignedLong => "reader.ReadUnsigned()",
        ValueKind.Char => "(char)reader.ReadUnsigned()",
        _ => "unchecked((" + typeName + ")reader.ReadSigned())",
    };
}
