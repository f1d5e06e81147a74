---- MODULE FiniteSetTheorems ----
(* Minimal stub of the TLAPS library module: only the theorem names used in BY clauses. *)
EXTENDS FiniteSets
THEOREM FS_EmptySet == TRUE
THEOREM FS_Singleton == TRUE
====
