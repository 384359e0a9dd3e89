import { AREAS, PLANNED, type AreaId } from './areas';

/** An honest placeholder: the area exists in the navigation but does nothing yet. */
export function NotBuilt(props: { area: AreaId }) {
  const label = AREAS.find((a) => a.id === props.area)?.label ?? props.area;
  return (
    <>
      <h1>{label}</h1>
      <section className="panel not-built">
        <p className="not-built-title">{label} is not built yet.</p>
        {PLANNED[props.area] && <p>{PLANNED[props.area]}</p>}
        <p className="hint">Nothing on this screen comes from the workspace; no records are shown or changed here.</p>
      </section>
    </>
  );
}
