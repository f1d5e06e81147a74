--------------------------- MODULE FiniteSetsExt ---------------------------
\* Minimal stand-in for the CommunityModules module (not bundled with tla2tools.jar).
LOCAL INSTANCE Naturals
Range(f) == { f[x] : x \in DOMAIN f }
Max(S) == CHOOSE x \in S : \A y \in S : x >= y
Min(S) == CHOOSE x \in S : \A y \in S : x =< y
=============================================================================
