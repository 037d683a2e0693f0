import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from "@fluentui/react-icons";
import type { Severidad } from "../../core/tipos";
import { useEstilos } from "../estilos";

export function IconoSeveridad(props: { readonly severidad: Severidad }) {
  const s = useEstilos();
  if (props.severidad === "error") return <ErrorCircle16Filled className={s.error} aria-hidden />;
  if (props.severidad === "warning") return <Warning16Filled className={s.warning} aria-hidden />;
  return <Info16Filled className={s.info} aria-hidden />;
}
