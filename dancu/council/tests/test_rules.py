"""Property-based tests of the pure outcome logic at and around every threshold."""

from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from dancu.council import rules
from dancu.council.rules import ConfidenceOutcome as O

totals = st.integers(min_value=1, max_value=600)


@given(total=totals, data=st.data())
def test_vote_passes_exactly_when_yes_is_more_than_half_of_total(total, data):
    yes = data.draw(st.integers(0, total))
    assert rules.vote_passes(yes=yes, total=total) == (2 * yes > total)


@given(total=totals)
def test_exactly_half_does_not_pass_and_one_more_does(total):
    assume(total % 2 == 0)
    half = total // 2
    assert not rules.vote_passes(yes=half, total=total)
    assert rules.vote_passes(yes=half + 1, total=total)


@given(total=totals, data=st.data())
def test_absent_abstaining_and_not_voting_delegates_count_against(total, data):
    """The outcome depends on yes and the TOTAL only: how the rest split (no, abstain, not voting,
    absent) never changes it; a majority of those present is not enough."""
    yes = data.draw(st.integers(0, total))
    rest = total - yes
    no = data.draw(st.integers(0, rest))
    abstain = data.draw(st.integers(0, rest - no))
    not_voting = data.draw(st.integers(0, rest - no - abstain))
    rules.check_vote_tally(yes=yes, no=no, abstain=abstain, not_voting=not_voting, total=total)
    present = yes + no + abstain + not_voting
    passed = rules.vote_passes(yes=yes, total=total)
    assert passed == (Fraction(yes, total) > Fraction(1, 2))
    if present and 2 * yes > present and 2 * yes <= total:
        assert not passed  # majority of those present but not of the total


@given(total=totals, data=st.data())
def test_quorum_at_least_two_thirds(total, data):
    present = data.draw(st.integers(0, total))
    assert rules.quorum_met(present=present, total=total) == (3 * present >= 2 * total)


@given(total=totals)
def test_quorum_exactly_two_thirds(total):
    assume(total % 3 == 0)
    assert rules.quorum_met(present=2 * total // 3, total=total)
    assert not rules.quorum_met(present=2 * total // 3 - 1, total=total)


@given(total=totals)
def test_votes_needed_is_the_smallest_passing_count(total):
    n = rules.votes_needed(total)
    assert rules.vote_passes(yes=n, total=total)
    assert n == 0 or not rules.vote_passes(yes=n - 1, total=total)
    assert n == total // 2 + 1


@given(total=totals, data=st.data())
def test_tally_larger_than_total_is_refused(total, data):
    extra = data.draw(st.integers(1, 5))
    try:
        rules.check_vote_tally(yes=total, no=extra, abstain=0, not_voting=0, total=total)
    except rules.TallyError:
        return
    raise AssertionError("accepted more votes than delegates")


@given(den=totals, data=st.data())
def test_confidence_outcome_by_threshold(den, data):
    low = data.draw(st.integers(0, den))
    outcome = rules.confidence_outcome(low=low, denominator=den)
    if 3 * low >= 2 * den:
        assert outcome == O.DISMISSAL
    elif 2 * low > den:
        assert outcome == O.MAY_RESIGN
    else:
        assert outcome == O.NONE


@given(den=totals)
def test_confidence_exact_boundaries(den):
    if den % 2 == 0:
        assert rules.confidence_outcome(low=den // 2, denominator=den) == O.NONE  # exactly 1/2
        above = den // 2 + 1
        expected = O.DISMISSAL if 3 * above >= 2 * den else O.MAY_RESIGN
        assert rules.confidence_outcome(low=above, denominator=den) == expected
    if den % 3 == 0:
        two_thirds = 2 * den // 3
        assert rules.confidence_outcome(low=two_thirds, denominator=den) == O.DISMISSAL  # exactly 2/3
        below = rules.confidence_outcome(low=two_thirds - 1, denominator=den)
        assert below == (O.MAY_RESIGN if 2 * (two_thirds - 1) > den else O.NONE)


@given(total=st.integers(3, 600), data=st.data())
def test_confidence_denominator_total_vs_ballots(total, data):
    """Absent delegates: with the total as denominator, the same low count weighs less than
    with the ballots cast; the outcome is never more severe."""
    ballots = data.draw(st.integers(1, total))
    low = data.draw(st.integers(0, ballots))
    severity = {O.NONE: 0, O.MAY_RESIGN: 1, O.DISMISSAL: 2}
    by_total = rules.confidence_outcome(low=low, denominator=total)
    by_ballots = rules.confidence_outcome(low=low, denominator=ballots)
    assert severity[by_total] <= severity[by_ballots]


def test_percent_is_exact_and_rounded_half_up():
    assert str(rules.percent(25, 47)) == "53.19"
    assert str(rules.percent(1, 8)) == "12.50"
    assert str(rules.percent(2, 3)) == "66.67"
    assert str(rules.percent(1, 200, places=1)) == "0.5"


def test_custom_threshold_from_a_rule_row():
    at_least_60 = rules.Threshold(3, 5, strict=False)
    assert rules.vote_passes(yes=6, total=10, rule=at_least_60)
    assert not rules.vote_passes(yes=5, total=10, rule=at_least_60)
