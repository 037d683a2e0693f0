import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useTextos } from "../../localization";
import type { Aviso } from "../logica";
import { useEstilos } from "../estilos";

/** Mensajes del panel (errores, avisos, confirmaciones) como MessageBar de Fluent. */
export function Avisos(props: { readonly avisos: ReadonlyArray<Aviso>; readonly alCerrar?: (id: string) => void }) {
  const t = useTextos();
  const s = useEstilos();
  if (props.avisos.length === 0) return null;
  return (
    <div className={s.mensajes} role="status" aria-live="polite">
      {props.avisos.map((a) => (
        <MessageBar key={a.id} intent={a.intencion} layout="multiline" data-aviso={a.id}>
          <MessageBarBody>
            {a.intencion === "error" ? <MessageBarTitle>{t("error.titulo")}</MessageBarTitle> : null}
            {a.texto}
          </MessageBarBody>
          {props.alCerrar ? (
            <MessageBarActions
              containerAction={<Button appearance="transparent" aria-label={t("cerrar")} icon={<DismissRegular />} onClick={() => props.alCerrar?.(a.id)} />}
            />
          ) : null}
        </MessageBar>
      ))}
    </div>
  );
}
