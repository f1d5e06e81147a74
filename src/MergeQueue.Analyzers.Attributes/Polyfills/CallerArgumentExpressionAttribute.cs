namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks it; the C# compiler honours the attribute by name, so an internal copy is enough.
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
internal sealed class CallerArgumentExpressionAttribute : Attribute
{
    public CallerArgumentExpressionAttribute(string parameterName)
    {
        ParameterName = parameterName;
    }

    public string ParameterName { get; }
}
