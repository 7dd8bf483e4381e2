//! The vocabulary ties writes: every IRI the library uses, in one place.
//!
//! Each constant here has its definition in `ontology/ties.ttl` (the `ties:` terms) or comes from
//! a published vocabulary (schema.org, W3C ORG, PROV-O, RDFS). Shapes for every kind of node ties
//! writes are in `ontology/shapes.ttl`. Nothing else in the crate spells out a vocabulary IRI.
//!
//! What a report's named graph holds (the graph is named by the report's IRI, and being in that
//! graph is what ties a sentence, an entity or a claim to its report: no triple repeats it, which
//! keeps the store a sixth smaller):
//!
//! - the report: `a ties:Report, schema:Report`; `schema:name` (title), `schema:datePublished`,
//!   `schema:url`, `schema:publisher` (an organisation), `ties:sourceFile`, `ties:format`,
//!   `ties:textLength` (bytes of extracted text), `ties:contentHash` (`sha256:` + hex of the file);
//! - its sentences: `a ties:Sentence`; `schema:text` (exactly as in the report text),
//!   `ties:startOffset`/`ties:endOffset` (byte offsets in the report text; their order is the
//!   reading order);
//! - people, organisations, places, events: `a schema:Person` (etc.); `schema:name`,
//!   `schema:alternateName`, `ties:honorific`, `schema:jobTitle`; events also `schema:subEvent`,
//!   `schema:superEvent`, `schema:location` (an event's IRI extends its report's);
//! - claims, each with `prov:wasDerivedFrom` its sentence, `ties:rule`, `ties:confidence`:
//!   `org:Membership` (`org:member`, `org:organization`, `org:role` → `org:Role` with
//!   `rdfs:label`, optional `ties:jurisdiction`, `ties:constituency`, `ties:former`) mirrored
//!   as a direct `?member org:memberOf ?organisation` (one index read to list an
//!   organisation's members, where the claims need a join per claim);
//!   `ties:Participation` (`ties:participant`, `ties:event`, `ties:participationRole`) mirrored
//!   as a direct `?event ties:speaker|ties:chair|schema:organizer|schema:attendee ?person`;
//!   `schema:Quotation` (`schema:text`, `schema:creator`).
//!
//! Outside the report graphs, the curation graph (`urn:ties:curation`) holds the researcher's
//! judgements (`ties:Merge`, `ties:Distinction`, `ties:Rejection`, `ties:Acceptance`, each with
//! `dcterms:created` and an optional `ties:note`), and the curation record graph
//! (`urn:ties:curation/record`) what applying them changed in each report graph, so that it can be
//! undone (`crate::curation`). The listing index (`urn:ties:listing`) holds one
//! `ties:ListedEntity` node per person or organisation and name, with what the `people` and
//! `organisations` listings show of it (`crate::store::listing`).

use oxigraph::model::NamedNodeRef;

macro_rules! terms {
    ($ns:expr; $($name:ident = $local:literal),* $(,)?) => {
        $(pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// The ties namespace (see `ontology/ties.ttl`).
pub const TIES_NS: &str = "urn:ties:vocab#";
/// Where ties mints IRIs for the things it finds.
pub const DATA_NS: &str = "urn:ties:";

pub const RDF_NS: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
pub const RDFS_NS: &str = "http://www.w3.org/2000/01/rdf-schema#";
pub const XSD_NS: &str = "http://www.w3.org/2001/XMLSchema#";
pub const OWL_NS: &str = "http://www.w3.org/2002/07/owl#";
pub const SKOS_NS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const SCHEMA_NS: &str = "https://schema.org/";
pub const ORG_NS: &str = "http://www.w3.org/ns/org#";
pub const PROV_NS: &str = "http://www.w3.org/ns/prov#";
pub const DCTERMS_NS: &str = "http://purl.org/dc/terms/";
pub const FOAF_NS: &str = "http://xmlns.com/foaf/0.1/";
pub const SH_NS: &str = "http://www.w3.org/ns/shacl#";

/// The prefixes predeclared for every query and update, and used when writing Turtle.
pub const PREFIXES: &[(&str, &str)] = &[
    ("rdf", RDF_NS),
    ("rdfs", RDFS_NS),
    ("xsd", XSD_NS),
    ("owl", OWL_NS),
    ("skos", SKOS_NS),
    ("schema", SCHEMA_NS),
    ("org", ORG_NS),
    ("prov", PROV_NS),
    ("dcterms", DCTERMS_NS),
    ("foaf", FOAF_NS),
    ("ties", TIES_NS),
];

/// Applies every predeclared prefix to a builder (a SPARQL parser or evaluator, an RDF
/// serializer): the one place prefixes are registered.
pub fn with_prefixes<B, E: std::fmt::Debug>(
    builder: B,
    add: impl Fn(B, &'static str, &'static str) -> Result<B, E>,
) -> B {
    PREFIXES.iter().fold(builder, |b, (prefix, iri)| {
        add(b, prefix, iri).expect("the predeclared prefixes are valid IRIs")
    })
}

/// An RDF serializer for `format`, with ties' prefixes where the format has prefixes.
pub fn serializer(format: oxigraph::io::RdfFormat) -> oxigraph::io::RdfSerializer {
    use oxigraph::io::RdfFormat;
    let serializer = oxigraph::io::RdfSerializer::from_format(format);
    if !matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        return serializer;
    }
    with_prefixes(serializer, |s, prefix, iri| s.with_prefix(prefix, iri))
}

pub mod rdf {
    use super::*;
    terms!("http://www.w3.org/1999/02/22-rdf-syntax-ns#"; TYPE = "type");
}

pub mod rdfs {
    use super::*;
    terms!("http://www.w3.org/2000/01/rdf-schema#"; LABEL = "label");
}

pub mod xsd {
    use super::*;
    terms!("http://www.w3.org/2001/XMLSchema#";
        INTEGER = "integer", DECIMAL = "decimal", DATE = "date", DATE_TIME = "dateTime",
        STRING = "string", ANY_URI = "anyURI");
}

pub mod schema {
    use super::*;
    terms!("https://schema.org/";
        PERSON = "Person", ORGANIZATION = "Organization", PLACE = "Place", EVENT = "Event",
        REPORT = "Report", QUOTATION = "Quotation",
        NAME = "name", ALTERNATE_NAME = "alternateName", JOB_TITLE = "jobTitle",
        TEXT = "text", CREATOR = "creator",
        DATE_PUBLISHED = "datePublished", URL = "url", PUBLISHER = "publisher",
        SUB_EVENT = "subEvent", SUPER_EVENT = "superEvent", LOCATION = "location",
        ORGANIZER = "organizer", ATTENDEE = "attendee");
}

pub mod org {
    use super::*;
    terms!("http://www.w3.org/ns/org#";
        MEMBERSHIP = "Membership", ROLE = "Role",
        MEMBER = "member", ORGANIZATION = "organization", ROLE_PROP = "role",
        MEMBER_OF = "memberOf");
}

pub mod prov {
    use super::*;
    terms!("http://www.w3.org/ns/prov#"; WAS_DERIVED_FROM = "wasDerivedFrom");
}

pub mod ties {
    use super::*;
    terms!("urn:ties:vocab#";
        REPORT = "Report", SENTENCE = "Sentence", PARTICIPATION = "Participation",
        SOURCE_FILE = "sourceFile", FORMAT = "format", TEXT_LENGTH = "textLength",
        CONTENT_HASH = "contentHash",
        START_OFFSET = "startOffset", END_OFFSET = "endOffset", HONORIFIC = "honorific",
        SPEAKER = "speaker", CHAIR = "chair",
        PARTICIPANT = "participant", EVENT = "event", PARTICIPATION_ROLE = "participationRole",
        JURISDICTION = "jurisdiction", CONSTITUENCY = "constituency", FORMER = "former",
        RULE = "rule", CONFIDENCE = "confidence",
        // Curation (`crate::curation`): judgements and the records that undo their effect.
        JUDGEMENT = "Judgement", MERGE = "Merge", DISTINCTION = "Distinction",
        REJECTION = "Rejection", ACCEPTANCE = "Acceptance",
        KEPT = "kept", MERGED = "merged", KEPT_NAME = "keptName", MERGED_NAME = "mergedName",
        ENTITY = "entity", CLAIM = "claim", IN_REPORT = "inReport", NOTE = "note",
        CURATION_ADDED = "curationAdded", CURATION_REMOVED = "curationRemoved",
        CURATION_TOUCHES = "curationTouches",
        // The listing index (`crate::store::listing`): one node per listed entity and name.
        LISTED_ENTITY = "ListedEntity", LISTED = "listed", LISTED_KIND = "listedKind",
        LISTED_NAME = "listedName", LISTED_ALIASES = "listedAliases",
        LISTED_TITLES = "listedTitles", LISTED_REPORTS = "listedReports",
        LISTED_PEOPLE = "listedPeople", LISTING_COMPLETE = "listingComplete",
        TALLY_OF_ALIAS = "tallyOfAlias", TALLY_OF_TITLE = "tallyOfTitle",
        TALLY_OF_MEMBER = "tallyOfMember", TALLY_VALUE = "tallyValue", TALLY_COUNT = "tallyCount");
}

pub mod dcterms {
    use super::*;
    terms!("http://purl.org/dc/terms/"; CREATED = "created");
}
