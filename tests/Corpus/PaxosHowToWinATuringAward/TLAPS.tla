---- MODULE TLAPS ----
(* Minimal stub of the TLAPS standard module (not shipped in tla2tools.jar):
   only the proof-backend names used in BY clauses; irrelevant to TLC. *)
PTL == TRUE
ExpandENABLED == TRUE
SMT == TRUE
Zenon == TRUE
====
