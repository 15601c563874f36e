// A small observation-service client typed by the generated document (deploy/openapi/client/check generates
// generated/observation-service.d.ts, then compiles this file). It is the contract test a mobile or web client
// would hit: a request body the document does not accept, or a response field whose type or nullability
// changed, fails the compile here before it fails in a client.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/observation-service.js";

type ObservationRequest = components["schemas"]["ObservationRequest"];
type Observation = components["schemas"]["Observation"];

/** Posts a fresh observation, replays it (same uuid, same content: 200, the stored record) and reads it back. */
export async function roundTrip(baseUrl: string, rangerToken: string): Promise<Observation> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${rangerToken}` } });

  // The types force the body the server requires: count, observedAt, location {lat, lon} and method.
  const request: ObservationRequest = {
    uuid: crypto.randomUUID(),
    scientificName: "Macaca mulatta",
    count: 2,
    observedAt: new Date().toISOString(),
    location: { lat: 35.3321, lon: 113.3604, accuracyM: 15 },
    countyCode: "410821",
    method: "SIGHTING",
    notes: "typed client round trip",
  };
  const created = await client.POST("/observations", { body: request });
  if (created.response.status !== 201 || created.data === undefined) {
    throw new Error(`create: ${created.response.status} ${JSON.stringify(created.error)}`);
  }
  const replayed = await client.POST("/observations", { body: request });
  if (replayed.response.status !== 200 || replayed.data?.uuid !== created.data.uuid) {
    throw new Error(`replay: ${replayed.response.status} ${JSON.stringify(replayed.error)}`);
  }
  const read = await client.GET("/observations/{uuid}", { params: { path: { uuid: created.data.uuid } } });
  if (read.data === undefined) {
    throw new Error(`read: ${read.response.status} ${JSON.stringify(read.error)}`);
  }
  return checkTypes(read.data);
}

// Reads the fields as the document types them. Each nullable field is assigned to `T | null` (fails if the
// document made it optional: `undefined` does not fit) and, under @ts-expect-error, to plain `T` (fails as an
// unused directive if the document made it non-null). The required non-null fields go to plain `T`.
function checkTypes(observation: Observation): Observation {
  const uuid: string = observation.uuid;
  const publicId: string = observation.publicId;
  const count: number = observation.count;
  const countyCode: string = observation.countyCode;
  const observedOn: string = observation.observedOn;
  const obscured: boolean = observation.coordinatesObscured;
  const lat: number = observation.location.lat;
  const mediaCount: number = observation.media.length;

  const notes: string | null = observation.notes;
  // @ts-expect-error notes is null when the record is generalized
  const notesNonNull: string = observation.notes;
  const reviewer: string | null = observation.reviewer;
  // @ts-expect-error reviewer is null until a reviewer decides (and when generalized)
  const reviewerNonNull: string = observation.reviewer;
  const observedAt: string | null = observation.observedAt;
  // @ts-expect-error observedAt is null when generalized
  const observedAtNonNull: string = observation.observedAt;
  const plotCode: string | null = observation.plotCode;
  // @ts-expect-error plotCode is null outside plots and when generalized
  const plotCodeNonNull: string = observation.plotCode;
  const accuracyM: number | null = observation.location.accuracyM;
  // @ts-expect-error accuracyM is null when the client gave none
  const accuracyMNonNull: number = observation.location.accuracyM;

  void [uuid, publicId, count, countyCode, observedOn, obscured, lat, mediaCount, notes, notesNonNull, reviewer,
    reviewerNonNull, observedAt, observedAtNonNull, plotCode, plotCodeNonNull, accuracyM, accuracyMNonNull];
  return observation;
}
