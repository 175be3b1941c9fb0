import { useEffect, useRef, useState } from 'react';

/**
 * A pen on a canvas: the customer (or the specialist on their behalf, with consent) draws a
 * signature; the PNG goes onto the LOA, where it is marked as signed in PortDesk.
 */
export function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.lineWidth = 2.5;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#101a3c';
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * e.currentTarget.width) / r.width,
      y: ((e.clientY - r.top) * e.currentTarget.height) / r.height,
    };
  };

  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={420}
        height={120}
        data-testid="signature-pad"
        aria-label="Signature pad: draw the signature with the mouse, a pen or a finger"
        onPointerDown={(e) => {
          const g = e.currentTarget.getContext('2d');
          if (!g) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          drawing.current = true;
          const p = point(e);
          g.beginPath();
          g.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const g = e.currentTarget.getContext('2d');
          const p = point(e);
          g?.lineTo(p.x, p.y);
          g?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          setEmpty(false);
          onChange(e.currentTarget.toDataURL('image/png'));
        }}
      />
      <button
        type="button"
        className="btn btn-small"
        disabled={empty}
        onClick={() => {
          const c = canvas.current;
          c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
          setEmpty(true);
          onChange(null);
        }}
      >
        Clear signature
      </button>
    </div>
  );
}
