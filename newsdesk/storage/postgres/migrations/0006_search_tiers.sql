-- The search's tiers (headline; headline, kicker and keywords; there or in the
-- credits) each get a GIN index over those fields only: a tsquery's weights are known
-- neither to the document index nor to its statistics, so through it a word found in
-- most bodies but in few headlines cost a recheck of every body that holds it (see
-- ranking.py). ANALYZE gives the planner these expressions' statistics at once.
CREATE INDEX article_search_tier_a ON article_search USING gin (ts_filter(doc, '{a}'));
CREATE INDEX article_search_tier_ab ON article_search USING gin (ts_filter(doc, '{a,b}'));
CREATE INDEX article_search_tier_abc ON article_search USING gin (ts_filter(doc, '{a,b,c}'));
ANALYZE article_search;
