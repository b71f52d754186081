"""Where story items live in the store (docs/stories.md lists them)."""

from __future__ import annotations

SK = "STORY"
CAPABILITY = "stories"  # the shared moderation module's name for stories (queues, audit)
FEATURED_PK = "STORYFEATURED"  # sk: story id; at most MAX_FEATURED items


def story_key(story_id: str) -> tuple[str, str]:
    return f"STORY#{story_id}", SK


def author_pk(author_id: str) -> str:
    """gsi2: every story of one author, whatever its status."""
    return f"STORIESBY#{author_id}"


def quarantine_pk(unit: str) -> str:
    """gsi1, while in quarantine: the stories a unit's editors may release or reject."""
    return f"STORYQ#{unit}"


def feed_pk(scope: str) -> str:
    """A feed of released stories: "all", "unit#<unit>", "site#<site>" or "tag#<tag>"."""
    return f"STORYFEED#{scope}"


def feed_scopes(story: dict) -> list[str]:
    """Every feed a released story is in (one pointer item in each)."""
    author = story["author"]
    return ["all", f"unit#{author['business_unit']}", f"site#{author['site']}",
            *(f"tag#{tag}" for tag in story["tags"])]


def created_sort(story: dict) -> str:
    return f"{story['created_at']:010d}#{story['id']}"


def released_sort(story: dict) -> str:
    return f"{story['released_at']:010d}#{story['id']}"


def reaction_sk(person_id: str, kind: str) -> str:
    return f"REACT#{person_id}#{kind}"


def view_sk(person_id: str) -> str:
    return f"VIEW#{person_id}"
