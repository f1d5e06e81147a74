#!/usr/bin/env bash
# Regenerates the pictures of docs/: the explored state graphs of the fixed and the ordered (stuck) merge queues at
# N = 2, drawn by the generated Explore() with ExplorationOptions.GraphStates and ExplorationResult.ToDot(), then
# rendered by Graphviz. Needs the .NET SDK and Graphviz (apt-get install -y graphviz).
#   docs/render-graph.sh [N]     (N = 2 by default; at N = 3 the graphs have 656 and 652 states)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-2}
work="$root/artifacts/render-graph"
rm -rf "$work"
mkdir -p "$work"

# A throwaway console project compiling the two samples with N changed, the generator as an analyzer (the check
# itself off: the ordered queue's build would fail on purpose).
sed "s/const int N = 3;/const int N = $n;/" "$root/samples/MergeQueue.Samples/FixedQueue.cs" > "$work/FixedQueue.cs"
sed "s/const int N = 3;/const int N = $n;/" "$root/samples/StuckQueue/OrderedQueue.cs" > "$work/OrderedQueue.cs"
cp "$root/samples/MergeQueue.Samples/Pr.cs" "$work/Pr.cs"
cat > "$work/RenderGraph.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <Import Project="$root/src/MergeQueue.Analyzers.Package/buildTransitive/MergeQueue.Analyzers.props" />
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <IsPackable>false</IsPackable>
    <MergeQueueCheck>false</MergeQueueCheck>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/MergeQueue.Analyzers.Attributes/MergeQueue.Analyzers.Attributes.csproj" />
    <ProjectReference Include="$root/src/MergeQueue.Analyzers.Engine/MergeQueue.Analyzers.Engine.csproj" />
    <ProjectReference Include="$root/src/MergeQueue.Analyzers.Checker/MergeQueue.Analyzers.Checker.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
XML
cat > "$work/Program.cs" <<'CS'
using System;
using System.IO;
using MergeQueue.Analyzers;

string docs = args[0];
var options = new ExplorationOptions { GraphStates = 1000 };
Write("fixed-queue", MergeQueue.Samples.FixedQueue.Explore(options));
Write("ordered-queue", StuckQueue.OrderedQueue.Explore(options));

void Write(string name, ExplorationResult result)
{
    // Every state (maxStates 0), the first violation's trace in red.
    File.WriteAllText(Path.Combine(docs, name + ".dot"), result.ToDot(maxStates: 0));
    Console.WriteLine(name + ": " + result.StatisticsMessage);
}
CS

dotnet run --project "$work/RenderGraph.csproj" -c Release -- "$root/docs"

# Left to right reads better for these wide states: one box per state, each field on its own line.
for name in fixed-queue ordered-queue; do
  dot -Grankdir=LR -Gdpi=96 -Tpng "$root/docs/$name.dot" -o "$root/docs/$name.png"
done
rm -rf "$work"
echo "wrote docs/fixed-queue.{dot,png} and docs/ordered-queue.{dot,png}"
