------------------------------ MODULE Bitwise ------------------------------
\* Minimal stand-in for the CommunityModules Bitwise module (only ^^ is used).
EXTENDS Naturals
RECURSIVE Xor(_, _)
Xor(x, y) == IF x = 0 /\ y = 0 THEN 0
             ELSE 2 * Xor(x \div 2, y \div 2) + (((x % 2) + (y % 2)) % 2)
a ^^ b == Xor(a, b)
=============================================================================
