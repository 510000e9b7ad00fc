"""The analyst workbench's API: corrections of incidents, their history, map data, and the web console.

- `PATCH /v1/incidents/{id}`: set `event_type`, `date`, `killed`, `injured`, `attackers_killed`,
  `kidnapped`, `perpetrator {name, attribution}`, `target_type`, `location {district}` (province
  and coordinates follow from the gazetteer), with an optional `note`;
- `POST /v1/incidents/{id}/split` `{"mention_ids": [...]}`, `POST /v1/incidents/merge`
  `{"incident_ids": [...]}` (the smallest id survives; the others redirect to it),
  `POST /v1/incidents/{id}/reject` (a false positive: out of counts, kept for training);
- `GET /v1/incidents/{id}/history`: the audit trail (key name, time, before, after, note);
- `GET /v1/whoami`, `GET /v1/gazetteer` (valid choices), `GET /v1/geo/districts` (simplified
  district polygons for the console's map);
- `/ui/`: the web console (static files; every data call it makes needs a key).

Writes need an analyst key (a reader gets 403); reads any valid key.
"""


import json
from datetime import date as Day
from functools import lru_cache
from pathlib import Path as FsPath
from typing import Annotated, Any

import shapely
from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Path
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from shapely.geometry import mapping, shape

from khabar.app.auth import KeyRing, Principal, analyst_dependency, principal_dependency
from khabar.core.records import EVENT_TYPES, TARGET_TYPES, Attribution, EventType, Location, TargetType
from khabar.core.settings import Settings
from khabar.incidents.corrections import CORRECTABLE
from khabar.incidents.review import CorrectionError, Review
from khabar.index.corrections import CorrectionStore
from khabar.index.store import Store
from khabar.nlp.gazetteer import DATA_DIR, load_gazetteer

CONSOLE_DIR = FsPath(__file__).parent / "console"
SIMPLIFY_DEGREES = 0.01  # about 1 km: plenty for a country-wide map, a tenth of the file
IncidentId = Annotated[str, Path(max_length=200)]


class PerpetratorPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, description="A group's canonical name, abbreviation or alias; null: unknown")
    attribution: Attribution = "claimed"


class LocationPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    district: str = Field(min_length=1, max_length=100)


class IncidentPatch(BaseModel):
    """The fields to correct (only those given change) and an optional note."""

    model_config = ConfigDict(extra="forbid")

    event_type: EventType | None = None
    date: Day | None = None
    killed: int | None = Field(default=None, ge=0, le=100_000)
    injured: int | None = Field(default=None, ge=0, le=100_000)
    attackers_killed: int | None = Field(default=None, ge=0, le=100_000)
    kidnapped: int | None = Field(default=None, ge=0, le=100_000)
    perpetrator: PerpetratorPatch | None = None
    target_type: TargetType | None = None
    location: LocationPatch | None = None
    note: str | None = Field(default=None, max_length=2000)


class SplitRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mention_ids: list[str] = Field(min_length=1, max_length=500)
    note: str | None = Field(default=None, max_length=2000)


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    incident_ids: list[str] = Field(min_length=2, max_length=100)
    note: str | None = Field(default=None, max_length=2000)


class RejectRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rejected: bool = True
    note: str | None = Field(default=None, max_length=2000)


def group_value(patch: PerpetratorPatch) -> dict[str, Any]:
    """The perpetrator as stored; 422 naming the valid groups when the name is unknown."""
    if patch.name is None:
        return {"name": None, "attribution": "unknown", "mention": None}
    gazetteer = load_gazetteer()
    canonical = gazetteer.resolve_group(patch.name)
    if canonical is None:
        valid = sorted(g["canonical_name"] for g in gazetteer.groups())
        raise HTTPException(status_code=422, detail=f"unknown group {patch.name!r}; valid groups: {', '.join(valid)}")
    return {"name": canonical, "attribution": patch.attribution, "mention": None}


def district_value(patch: LocationPatch) -> dict[str, Any]:
    """The district's location (province and point from the gazetteer); 422 naming the valid districts."""
    gazetteer = load_gazetteer()
    names = gazetteer.district_names()
    wanted = patch.district.strip().lower()
    name = next((n for n in names if n.lower() == wanted), None)
    if name is None:
        entry = gazetteer.resolve_entry(patch.district)
        name = entry.name if entry is not None and entry.kind == "district" else None
    if name is None:
        raise HTTPException(status_code=422, detail=f"unknown district {patch.district!r}; valid districts: {', '.join(names)}")
    info = gazetteer.district_info(name) or {}
    location = Location(country="Pakistan", province=info.get("province"), district=name, lat=info.get("lat"),
                        lon=info.get("lon"), precision="district")
    return location.model_dump(mode="json", exclude={"point"})


def patch_changes(patch: IncidentPatch) -> dict[str, Any]:
    """The given fields of a patch as the JSON values stored in the overrides."""
    given = patch.model_fields_set - {"note"}
    changes: dict[str, Any] = {}
    for name in sorted(given):
        value = getattr(patch, name)
        if name == "perpetrator":
            changes[name] = group_value(value) if value is not None else {"name": None, "attribution": "unknown", "mention": None}
        elif name == "location":
            if value is None:
                raise HTTPException(status_code=422, detail="location needs a district")
            changes[name] = district_value(value)
        elif name == "date":
            changes[name] = value.isoformat() if value is not None else None
        elif name in ("event_type", "target_type") and value is None:
            raise HTTPException(status_code=422, detail=f"{name} cannot be null")
        else:
            changes[name] = value
    return changes


@lru_cache(maxsize=1)
def simplified_districts() -> dict[str, Any]:
    """District polygons as a GeoJSON FeatureCollection, simplified and rounded for the browser."""
    with (DATA_DIR / "district_polygons.json").open(encoding="utf-8") as fh:
        records = json.load(fh)
    features = []
    for record in records:
        geometry = shapely.set_precision(shape(record).simplify(SIMPLIFY_DEGREES, preserve_topology=True), 0.001)
        features.append({"type": "Feature", "properties": {"district": record["district"], "province": record["province"]},
                         "geometry": mapping(geometry)})
    return {"type": "FeatureCollection", "features": features}


def resolve_incident_id(store: Store, incident_id: str) -> str:
    """The id an incident now has: itself, or the survivor of the merges it went into."""
    return CorrectionStore(store.es, store.settings).redirect(incident_id)


def _fail(exc: CorrectionError) -> HTTPException:
    return HTTPException(status_code=exc.status, detail=exc.detail)


def corrections_router(store: Store, settings: Settings) -> APIRouter:
    """The `/v1` routes of the workbench (reads: any key; writes: analyst keys)."""
    ring = KeyRing.from_settings(settings)
    reader = principal_dependency(ring)
    analyst = analyst_dependency(ring)
    corrections = CorrectionStore(store.es, settings)
    review = Review(corrections)
    router = APIRouter(prefix="/v1", tags=["corrections"], dependencies=[Depends(reader)])

    def detail(incident_id: str) -> dict[str, Any]:
        incident = store.incidents.get_doc(incident_id)
        if incident is None:
            raise HTTPException(status_code=404, detail="incident not found")
        return {**incident, "mentions": store.mentions.docs_of_incident(incident_id)}

    @router.get("/whoami")
    def whoami(principal: Annotated[Principal, Depends(reader)]) -> dict[str, str]:
        """The key's name and role (the console shows it and hides the forms from readers)."""
        return {"name": principal.name, "role": principal.role}

    @router.get("/gazetteer")
    def gazetteer_choices() -> dict[str, Any]:
        """Valid provinces, districts (with their province) and groups for filters and corrections."""
        gazetteer = load_gazetteer()
        districts = [{"name": n, "province": (gazetteer.district_info(n) or {}).get("province")} for n in gazetteer.district_names()]
        return {"provinces": gazetteer.province_names(), "districts": districts,
                "groups": sorted(g["canonical_name"] for g in gazetteer.groups()),
                "event_types": list(EVENT_TYPES), "target_types": list(TARGET_TYPES), "attributions": ["claimed", "blamed", "unknown"],
                "correctable": list(CORRECTABLE)}

    @router.get("/incidents/{incident_id}/articles")
    def incident_articles(incident_id: IncidentId) -> list[dict[str, Any]]:
        """Every source article of an incident (text included) with the evidence of each of its mentions."""
        resolved = review.resolve_id(incident_id)
        mentions = store.mentions.docs_of_incident(resolved)
        if not mentions and store.incidents.get_doc(resolved) is None:
            raise HTTPException(status_code=404, detail="incident not found")
        articles = corrections.articles(sorted({m["article_id"] for m in mentions}))
        found: dict[str, dict[str, Any]] = {}
        for mention in mentions:
            article = articles.get(mention["article_id"]) or {"title": mention.get("title"), "url": mention.get("article_url"),
                                                              "outlet": mention.get("outlet"), "text": ""}
            entry = found.setdefault(mention["article_id"], {**article, "id": mention["article_id"], "mentions": []})
            entry["mentions"].append({"mention_id": mention["id"], "evidence": mention.get("evidence") or {},
                                      "killed": mention.get("killed"), "injured": mention.get("injured")})
        return sorted(found.values(), key=lambda a: (a.get("published_at") or "", a["id"]))

    @router.get("/geo/districts")
    def geo_districts() -> dict[str, Any]:
        """Simplified district polygons (GeoJSON) from the bundled boundaries, for an offline map."""
        return simplified_districts()

    @router.patch("/incidents/{incident_id}")
    def patch_incident(incident_id: IncidentId, patch: IncidentPatch,
                       principal: Annotated[Principal, Depends(analyst)]) -> dict[str, Any]:
        """Correct fields of an incident (analyst key); audited, and kept through later resolution."""
        try:
            incident = review.patch(incident_id, patch_changes(patch), key_name=principal.name, role=principal.role, note=patch.note)
        except CorrectionError as exc:
            raise _fail(exc) from None
        return detail(incident.incident_id)

    @router.post("/incidents/merge")
    def merge_incidents(request: MergeRequest, principal: Annotated[Principal, Depends(analyst)]) -> dict[str, Any]:
        """Merge incidents into the one with the smallest id; the others redirect to it."""
        try:
            incident = review.merge(request.incident_ids, key_name=principal.name, role=principal.role, note=request.note)
        except CorrectionError as exc:
            raise _fail(exc) from None
        return detail(incident.incident_id)

    @router.post("/incidents/{incident_id}/split")
    def split_incident(incident_id: IncidentId, request: SplitRequest,
                       principal: Annotated[Principal, Depends(analyst)]) -> dict[str, Any]:
        """Move mentions out of an incident into a new one; answers both."""
        try:
            rest, new = review.split(incident_id, request.mention_ids, key_name=principal.name, role=principal.role,
                                     note=request.note)
        except CorrectionError as exc:
            raise _fail(exc) from None
        return {"incident": detail(rest.incident_id), "new_incident": detail(new.incident_id)}

    @router.post("/incidents/{incident_id}/reject")
    def reject_incident(incident_id: IncidentId, principal: Annotated[Principal, Depends(analyst)],
                        request: Annotated[RejectRequest | None, Body()] = None) -> dict[str, Any]:
        """Mark an incident a false positive (`{"rejected": false}` undoes it)."""
        request = request or RejectRequest()
        try:
            incident = review.reject(incident_id, key_name=principal.name, role=principal.role, note=request.note,
                                     rejected=request.rejected)
        except CorrectionError as exc:
            raise _fail(exc) from None
        return detail(incident.incident_id)

    @router.get("/incidents/{incident_id}/history")
    def incident_history(incident_id: IncidentId) -> dict[str, Any]:
        """Every correction of the incident, oldest first."""
        resolved = review.resolve_id(incident_id)
        history = review.history(resolved)
        if not history and store.incidents.get_doc(resolved) is None:
            raise HTTPException(status_code=404, detail="incident not found")
        return {"incident_id": resolved, "history": history}

    return router


def install_workbench(app: FastAPI, store: Store, settings: Settings) -> None:
    """Add the corrections routes and serve the console at `/ui/`."""
    app.include_router(corrections_router(store, settings))
    app.mount("/ui", StaticFiles(directory=CONSOLE_DIR, html=True), name="console")
