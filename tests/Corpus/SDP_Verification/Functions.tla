------------------------------ MODULE Functions -----------------------------
\* Minimal stand-in for the CommunityModules Functions module (only Range is used).
Range(f) == { f[x] : x \in DOMAIN f }
=============================================================================
