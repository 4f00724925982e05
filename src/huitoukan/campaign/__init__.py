"""The campaign: what is configured (`model`) and how it is loaded (`loading`)."""

from huitoukan.campaign.loading import (
    default_campaign,
    default_campaign_text,
    load_campaign,
    parse_campaign,
    write_default_campaign,
)
from huitoukan.campaign.model import (
    CAMPAIGN_FILE_NAME,
    COLLEGES_PLACEHOLDER,
    Campaign,
    CampaignInfo,
    ChecklistItem,
    Source,
    Unit,
)
from huitoukan.model.findings import SELF_CHECK  # the 问题来源 of what a department found

__all__ = [
    "CAMPAIGN_FILE_NAME",
    "COLLEGES_PLACEHOLDER",
    "SELF_CHECK",
    "Campaign",
    "CampaignInfo",
    "ChecklistItem",
    "Source",
    "Unit",
    "default_campaign",
    "default_campaign_text",
    "load_campaign",
    "parse_campaign",
    "write_default_campaign",
]
