"""The word count kept paragraph by paragraph gives the whole count's figures."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdesk.domain.text_stats import counts
from newsdesk.gui.editor.paragraph_counts import ParagraphCounts

paragraph = st.text(alphabet=st.sampled_from("ab 记者\t-1,"), max_size=12)
body = st.lists(paragraph, max_size=6).map("\n".join)


@given(st.lists(body, min_size=1, max_size=8))
def test_each_count_of_a_run_of_edits_is_the_whole_count(bodies):
    kept = ParagraphCounts()
    for text in bodies:
        assert kept.counts(text) == counts(text.split("\n"))
