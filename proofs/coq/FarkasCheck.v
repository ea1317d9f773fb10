(* FarkasCheck.v: a reflective checker for farkas certificates, proved
   sound once.  An export (farkas proof MODEL CERT --coq OUT.v) holds only
   data (the model's constraints and the certificate as lists of Q) and
   closes its claim by running [check_infeasible] or [check_optimal] with
   vm_compute; the theorems below turn "the check returned true" into the
   mathematical claim.  Coq cannot digest a giant forall statement, but a
   computation over lists is cheap.

   The model.  A constraint is a sparse row (list of (column, coefficient))
   with an optional lower and upper side.  Column bounds are constraints
   with one entry (j, 1).  A point is a list of Q: variable j is the j-th
   entry (0 past the end).  [feasible cs x] says every constraint holds.

   Compile: coqc -Q DIR Farkas DIR/FarkasCheck.v, then
            coqc -Q DIR Farkas OUT.v  (DIR holds FarkasCheck.v). *)
From Coq Require Import QArith Qround List Lqa.
Import ListNotations.
Open Scope Q_scope.

Record constr := mk { row : list (nat * Q); lo : option Q; hi : option Q }.

Fixpoint sdot (r : list (nat * Q)) (x : list Q) : Q :=
  match r with
  | [] => 0
  | (j, a) :: r' => a * nth j x 0 + sdot r' x
  end.

Definition side_ok (l h : option Q) (v : Q) : Prop :=
  (match l with Some b => b <= v | None => True end) /\
  (match h with Some b => v <= b | None => True end).

Definition feasible (cs : list constr) (x : list Q) : Prop :=
  Forall (fun c => side_ok (lo c) (hi c) (sdot (row c) x)) cs.

(* ---- dense vectors ---- *)
Fixpoint vadd (u v : list Q) : list Q :=
  match u, v with
  | [], _ => v
  | _, [] => u
  | a :: u', b :: v' => Qred (a + b) :: vadd u' v'
  end.

Definition vscale (y : Q) (u : list Q) : list Q := map (fun a => Qred (y * a)) u.

Fixpoint dot (u x : list Q) : Q :=
  match u, x with
  | a :: u', b :: x' => a * b + dot u' x'
  | _, _ => 0
  end.

Fixpoint unit (j : nat) (a : Q) : list Q :=
  match j with O => [a] | S j' => 0 :: unit j' a end.

Fixpoint densify (r : list (nat * Q)) : list Q :=
  match r with
  | [] => []
  | (j, a) :: r' => vadd (unit j a) (densify r')
  end.

Lemma dot_vadd : forall u v x, dot (vadd u v) x == dot u x + dot v x.
Proof.
  induction u as [|a u IH]; intros v x; cbn [vadd dot].
  - ring.
  - destruct v as [|b v]; destruct x as [|c x]; cbn [vadd dot]; try ring.
    rewrite IH, Qred_correct. ring.
Qed.

Lemma dot_vscale : forall y u x, dot (vscale y u) x == y * dot u x.
Proof.
  induction u as [|a u IH]; intros x; unfold vscale in *; cbn [map dot].
  - ring.
  - destruct x as [|c x]; cbn [dot]. ring. rewrite IH, Qred_correct. ring.
Qed.

Lemma dot_unit : forall j a x, dot (unit j a) x == a * nth j x 0.
Proof.
  induction j as [|j IH]; intros a x; destruct x as [|c x]; cbn [unit dot nth]; try ring.
  rewrite IH. ring.
Qed.

Lemma sdot_densify : forall r x, sdot r x == dot (densify r) x.
Proof.
  induction r as [|[j a] r IH]; intros x; cbn [sdot densify].
  - reflexivity.
  - rewrite dot_vadd, dot_unit, IH. ring.
Qed.

Definition Qltb (a b : Q) : bool := negb (Qle_bool b a).

Lemma Qltb_iff : forall a b, Qltb a b = true <-> a < b.
Proof.
  intros a b. unfold Qltb. rewrite Bool.negb_true_iff. split; intro H.
  - apply Qnot_le_lt. intro H'. apply Qle_bool_iff in H'. congruence.
  - destruct (Qle_bool b a) eqn:E; [|reflexivity].
    apply Qle_bool_iff in E. exfalso. apply (Qlt_not_le _ _ H E).
Qed.

Definition allzero (u : list Q) : bool := forallb (fun a => Qeq_bool a 0) u.

Lemma dot_allzero : forall u x, allzero u = true -> dot u x == 0.
Proof.
  induction u as [|a u IH]; intros x H; cbn [allzero forallb dot] in *.
  - reflexivity.
  - destruct x as [|c x]. reflexivity.
    apply andb_true_iff in H. destruct H as [H1 H2].
    apply Qeq_bool_iff in H1. rewrite H1, IH by exact H2. ring.
Qed.

(* ---- the weighted sum of constraints ---- *)
Definition isSome (o : option Q) : bool := match o with Some _ => true | None => false end.

Definition sign_ok (y : Q) (c : constr) : bool :=
  (negb (Qltb 0 y) || isSome (lo c)) && (negb (Qltb y 0) || isSome (hi c)).

(* y times the side a multiplier of y's sign uses *)
Definition contrib (y : Q) (c : constr) : Q :=
  if Qltb 0 y then match lo c with Some b => y * b | None => 0 end
  else if Qltb y 0 then match hi c with Some b => y * b | None => 0 end
  else 0.

Fixpoint comb (cs : list constr) (ys : list Q) : list Q :=
  match cs, ys with
  | c :: cs', y :: ys' => vadd (vscale y (densify (row c))) (comb cs' ys')
  | _, _ => []
  end.

Fixpoint bsum (cs : list constr) (ys : list Q) : Q :=
  match cs, ys with
  | c :: cs', y :: ys' => Qred (contrib y c + bsum cs' ys')
  | _, _ => 0
  end.

Fixpoint signs_ok (cs : list constr) (ys : list Q) : bool :=
  match cs, ys with
  | c :: cs', y :: ys' => sign_ok y c && signs_ok cs' ys'
  | [], [] => true
  | _, _ => false
  end.

Lemma contrib_le : forall y c v,
  side_ok (lo c) (hi c) v -> sign_ok y c = true -> contrib y c <= y * v.
Proof.
  intros y c v [Hl Hh] Hs. unfold sign_ok, contrib in *.
  apply andb_true_iff in Hs. destruct Hs as [S1 S2].
  destruct (Qltb 0 y) eqn:P.
  - apply Qltb_iff in P. destruct (lo c) as [b|]; [|discriminate S1].
    rewrite (Qmult_comm y b), (Qmult_comm y v).
    apply Qmult_le_compat_r; [exact Hl | apply Qlt_le_weak; exact P].
  - destruct (Qltb y 0) eqn:N.
    + apply Qltb_iff in N. destruct (hi c) as [b|]; [|discriminate S2].
      assert (0 <= -y) by lra.
      assert (0 <= (-y) * (b - v)) by (apply Qmult_le_0_compat; lra).
      lra.
    + assert (y == 0).
      { apply Qle_antisym.
        - apply Qnot_lt_le. intro H. apply Qltb_iff in H. congruence.
        - apply Qnot_lt_le. intro H. apply Qltb_iff in H. congruence. }
      rewrite H. lra.
Qed.

Lemma comb_bound : forall cs ys x,
  feasible cs x -> signs_ok cs ys = true -> bsum cs ys <= dot (comb cs ys) x.
Proof.
  induction cs as [|c cs IH]; intros ys x Hf Hs; destruct ys as [|y ys];
    cbn [bsum comb signs_ok dot] in *; try discriminate; try (apply Qle_refl).
  inversion Hf as [|? ? Hc Hf']; subst.
  apply andb_true_iff in Hs. destruct Hs as [Hs1 Hs2].
  rewrite Qred_correct, dot_vadd, dot_vscale, <- sdot_densify.
  pose proof (contrib_le y c _ Hc Hs1).
  pose proof (IH ys x Hf' Hs2).
  lra.
Qed.

(* ---- infeasibility: sum_i y_i a_i = 0 and b(y) > 0 ---- *)
Definition check_infeasible (cs : list constr) (ys : list Q) : bool :=
  signs_ok cs ys && allzero (comb cs ys) && Qltb 0 (bsum cs ys).

Theorem infeasible_sound : forall cs ys,
  check_infeasible cs ys = true -> forall x, ~ feasible cs x.
Proof.
  intros cs ys H x Hf. unfold check_infeasible in H.
  apply andb_true_iff in H. destruct H as [H H3].
  apply andb_true_iff in H. destruct H as [H1 H2].
  apply Qltb_iff in H3.
  pose proof (comb_bound cs ys x Hf H1).
  rewrite (dot_allzero _ x H2) in H. lra.
Qed.

(* ---- optimality: weak duality with the two bounds equal ----
   sense = 1 for min, -1 for max; obj is c, c0 the constant.
   Check: sum_i y_i a_i = sense * c (constraints include the bounds, whose
   multipliers are the reduced costs), b(y) = sense * (v - c0), the point
   is feasible and its objective is v. *)
Definition hold_b (c : constr) (x : list Q) : bool :=
  let v := sdot (row c) x in
  (match lo c with Some b => Qle_bool b v | None => true end) &&
  (match hi c with Some b => Qle_bool v b | None => true end).

Lemma hold_b_ok : forall cs x, forallb (fun c => hold_b c x) cs = true -> feasible cs x.
Proof.
  induction cs as [|c cs IH]; intros x H; cbn [forallb] in *; constructor.
  - apply andb_true_iff in H. destruct H as [H _]. unfold hold_b in H.
    apply andb_true_iff in H. destruct H as [H1 H2]. split.
    + destruct (lo c); [apply Qle_bool_iff; exact H1 | exact I].
    + destruct (hi c); [apply Qle_bool_iff; exact H2 | exact I].
  - apply IH. apply andb_true_iff in H. apply H.
Qed.

Definition objval (obj : list (nat * Q)) (c0 : Q) (x : list Q) : Q := sdot obj x + c0.

Definition check_optimal (sense : Q) (cs : list constr) (ys : list Q)
    (obj : list (nat * Q)) (c0 v : Q) (xs : list Q) : bool :=
  signs_ok cs ys &&
  allzero (vadd (comb cs ys) (vscale (- sense) (densify obj))) &&
  Qeq_bool (bsum cs ys) (sense * (v - c0)) &&
  forallb (fun c => hold_b c xs) cs &&
  Qeq_bool (objval obj c0 xs) v.

Lemma optimal_gen : forall sense cs ys obj c0 v xs,
  check_optimal sense cs ys obj c0 v xs = true ->
  feasible cs xs /\ objval obj c0 xs == v /\
  forall x, feasible cs x -> sense * v <= sense * objval obj c0 x.
Proof.
  intros sense cs ys obj c0 v xs H. unfold check_optimal in H.
  repeat rewrite andb_true_iff in H.
  destruct H as [[[[Hs Hz] Hb] Hx] Hv].
  apply Qeq_bool_iff in Hb. apply Qeq_bool_iff in Hv.
  split; [apply hold_b_ok; exact Hx|]. split; [exact Hv|].
  intros x Hf. pose proof (comb_bound cs ys x Hf Hs) as Hc.
  pose proof (dot_allzero _ x Hz) as H0.
  rewrite dot_vadd, dot_vscale, <- sdot_densify in H0.
  unfold objval. rewrite Hb in Hc. 
  assert (E : sense * (sdot obj x + c0) == sense * sdot obj x + sense * c0) by ring.
  rewrite E. nra.
Qed.

Theorem optimal_min_sound : forall cs ys obj c0 v xs,
  check_optimal 1 cs ys obj c0 v xs = true ->
  feasible cs xs /\ objval obj c0 xs == v /\
  forall x, feasible cs x -> v <= objval obj c0 x.
Proof.
  intros cs ys obj c0 v xs H. destruct (optimal_gen _ _ _ _ _ _ _ H) as [A [B C]].
  split; [exact A|]. split; [exact B|]. intros x Hf. specialize (C x Hf). lra.
Qed.

Theorem optimal_max_sound : forall cs ys obj c0 v xs,
  check_optimal (-1) cs ys obj c0 v xs = true ->
  feasible cs xs /\ objval obj c0 xs == v /\
  forall x, feasible cs x -> objval obj c0 x <= v.
Proof.
  intros cs ys obj c0 v xs H. destruct (optimal_gen _ _ _ _ _ _ _ H) as [A [B C]].
  split; [exact A|]. split; [exact B|]. intros x Hf. specialize (C x Hf). lra.
Qed.

(* ---- feasibility: the point satisfies every constraint ---- *)
Theorem feasible_sound : forall cs xs,
  forallb (fun c => hold_b c xs) cs = true -> feasible cs xs.
Proof. exact hold_b_ok. Qed.
