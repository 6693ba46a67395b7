"""The five fictional news sites and the page furniture text each one uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Site:
    key: str
    name: str
    domain: str
    nav: tuple[str, ...]
    cookie: str
    newsletter_heading: str
    newsletter_text: str
    most_read: tuple[str, ...]
    footer: str
    share_label: str
    skip_link: str

    @property
    def home(self) -> str:
        return f"https://{self.domain}/"


SITES: dict[str, Site] = {
    "meridian": Site(
        key="meridian",
        name="The Meridian Post",
        domain="meridianpost.example",
        nav=("Home", "World", "Politics", "Business", "Science", "Culture", "Opinion", "Sport"),
        cookie=(
            "We and our 143 partners use cookies to personalise content and to measure "
            "how our journalism is read."
        ),
        newsletter_heading="Sign up for The Meridian Morning",
        newsletter_text=(
            "Our editors’ pick of the day’s essential stories, in your inbox before 7am."
        ),
        most_read=(
            "Tram line extension delayed until spring, city engineers admit",
            "The quiet revival of the neighbourhood bakery",
            "Heatwave forecast for the long weekend as pollen counts soar",
            "Opinion: the case for a four-day school week",
            "Ten walks for the first days of autumn",
        ),
        footer="© 2025 The Meridian Post Ltd. All rights reserved.",
        share_label="Share this article",
        skip_link="Skip to main content",
    ),
    "harbour": Site(
        key="harbour",
        name="Harbour Times",
        domain="harbourtimes.example",
        nav=("News", "Local", "Maritime", "Business", "Weather", "Sport", "Obituaries"),
        cookie=(
            "This site uses cookies. By continuing to browse you agree to our use of "
            "cookies as set out in our Cookie Policy."
        ),
        newsletter_heading="Get the Harbour Times daily digest",
        newsletter_text="Local news, tide tables and what’s on — delivered every evening at six.",
        most_read=(
            "Ferry timetable changes announced for the winter season",
            "Lifeboat crew honoured for night rescue off the point",
            "New fish market opens on the east quay",
            "Residents object to plans for a second marina",
            "Harbour wall repairs to close the promenade for a month",
        ),
        footer="Copyright © 2025 Harbour Times Media Group",
        share_label="Share this story",
        skip_link="Skip to content",
    ),
    "dispatch": Site(
        key="dispatch",
        name="Global Dispatch",
        domain="globaldispatch.example",
        nav=(
            "World",
            "Africa",
            "Americas",
            "Asia",
            "Europe",
            "Middle East",
            "Markets",
            "Fact Check",
        ),
        cookie=(
            "Global Dispatch uses cookies and similar technologies to deliver its services "
            "and to analyse traffic."
        ),
        newsletter_heading="The Dispatch Briefing",
        newsletter_text=(
            "Five stories that matter, from our correspondents in 90 countries, every morning."
        ),
        most_read=(
            "Central banks signal a pause as inflation cools",
            "Aid convoy reaches border town after week-long delay",
            "Analysis: what the coalition talks mean for the budget",
            "Satellite images show glacier retreat accelerating",
            "Fact check: no, the bridge was not sold to a foreign buyer",
        ),
        footer=(
            "© 2025 Global Dispatch. All rights reserved. "
            "Republication prohibited without permission."
        ),
        share_label="Share this report",
        skip_link="Skip to main content",
    ),
    "ledger": Site(
        key="ledger",
        name="The Continental Ledger",
        domain="continentalledger.example",
        nav=("Front page", "Europe", "Economy", "Politics", "Ideas", "Arts", "Letters"),
        cookie=(
            "The Continental Ledger uses cookies for analysis, for personalised content and "
            "for advertising. You can change your choice at any time."
        ),
        newsletter_heading="The Ledger Weekly",
        newsletter_text="Our best analysis of European politics and economics, every Saturday.",
        most_read=(
            "Why the single rail ticket keeps slipping away",
            "A brief history of the café terrace",
            "Letters: on bridges, budgets and bicycles",
            "The winemakers betting on higher ground",
            "Inside the quiet race to build better batteries",
        ),
        footer="© 2025 The Continental Ledger S.A. — All rights reserved.",
        share_label="Share this article",
        skip_link="Skip to content",
    ),
    "courier": Site(
        key="courier",
        name="Evening Courier",
        domain="eveningcourier.example",
        nav=("Home", "News", "Sport", "Showbiz", "Money", "Motors", "Puzzles", "Jobs"),
        cookie=(
            "We value your privacy. We and our partners store and access information on "
            "your device, such as cookies."
        ),
        newsletter_heading="Sign up for our newsletter",
        newsletter_text=(
            "The Courier Catch-Up: all the news from your area, straight to your inbox."
        ),
        most_read=(
            "Pensioner’s prize marrow stolen on eve of village show",
            "Bypass roadworks to finish six weeks early",
            "Hospital car park charges to rise again",
            "Town’s oldest pub up for sale after 300 years",
            "Roadside rainbow mural wins national award",
        ),
        footer="© 2025 Evening Courier Ltd. Registered in England and Wales.",
        share_label="Share this article",
        skip_link="Skip to content",
    ),
}
